import type { BusinessResponse } from "@duka/contracts";
import type { Me } from "../../api/auth";
import { useSettings } from "../../data/hooks";
import { useMe } from "../../session";

type Settings = BusinessResponse["settings"];

/** What this user may change at the till. The server checks the same rules; this only hides controls. */
export interface TillRules {
  discount: boolean;
  /** Staff: the most they may take off, as a percent of the sale; null for the owner (no limit). */
  maxDiscountPercent: number | null;
  changePrice: boolean;
  /** Record a sale copied from paper, with its earlier date. */
  backdate: boolean;
  /** Sell at another location than the first (the owner; staff sell where they are assigned). */
  chooseLocation: boolean;
}

export function tillRules(me: Me, settings: Settings | undefined): TillRules {
  if (me.user.role === "owner") {
    return {
      discount: true,
      maxDiscountPercent: null,
      changePrice: true,
      backdate: me.permissions.includes("sales.backdate"),
      chooseLocation: true,
    };
  }
  // Until the shop's settings arrive, staff see only the plain sale: nothing offered is then refused.
  const max = settings?.maxDiscountPercent ?? 0;
  return {
    discount: settings?.staffMayDiscount === true && max > 0,
    maxDiscountPercent: max,
    changePrice: settings?.staffMayChangePrice === true,
    backdate: false,
    chooseLocation: false,
  };
}

export function useTillRules(): TillRules {
  const me = useMe();
  return tillRules(me, useSettings());
}
