import type { BusinessSettings, CreateSaleBody } from "@duka/contracts";
import type { z } from "zod";
import type { Tx } from "../../db/client.js";
import type { OfflineMarkRow } from "../../db/schema.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, badRequest } from "../../lib/errors.js";
import { can } from "../auth/permissions.js";
import type { PricedLine, PricedProduct } from "./pricing.js";
import { setOfflineMark } from "./sales.repository.js";

/**
 * The rules for a sale a phone recorded while offline and sends later. The goods have already left
 * the shop, so what happened is recorded as it happened: at the phone's time, at the prices the
 * customer paid, even past the stock on record or a customer's credit limit; each of those is
 * flagged for the owner rather than refused. Staff may send what is at most 7 days old (older needs
 * the owner's acceptance: see the sync module) and at most 5 minutes ahead of the server's clock.
 *
 * The sale write path calls the hooks below at the points marked "offline hook" in sales.service.ts.
 */

type Body = z.output<typeof CreateSaleBody>;

export const MAX_AHEAD_MS = 5 * 60_000;
export const STAFF_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

export interface OfflineRules {
  occurredAt: Date;
  mark: OfflineMarkRow;
}

/**
 * Hook 0, the request's fingerprint leaves out what the phone adds when it queues a sale whose
 * online try went unanswered: the offline part and the prices it used (sent on every line, so the
 * price the customer paid is kept). If the online try did reach the server, the queued copy is the
 * same sale (a replay), not a clash. What is sold, how many, and how it is paid still count.
 */
export function hashable(body: Body) {
  const { offline: _, lines, ...rest } = body;
  return { ...rest, lines: lines.map(({ unitPrice: __, ...line }) => line) };
}

/** Hook 1, before anything is written: the sale's time, or a refusal a person can act on. */
export function offlineSale(ctx: Ctx, body: Body, now: Date, acceptedBy?: string): OfflineRules | undefined {
  if (!body.offline) return undefined;
  if (body.occurredAt !== undefined) {
    throw badRequest("A sale is either recorded offline or given an earlier date, not both.", {
      fields: { occurredAt: ["cannot be given with offline"] },
    });
  }
  const at = new Date(body.offline.recordedAt);
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) {
    throw new AppError(
      "offline_in_future",
      400,
      "This sale's time is ahead of the server's clock. Check the date and time on the phone.",
      { recordedAt: body.offline.recordedAt },
    );
  }
  if (now.getTime() - at.getTime() > STAFF_MAX_AGE_MS && !can(ctx.role, "sync.any") && !acceptedBy) {
    throw new AppError(
      "offline_too_old",
      422,
      "This sale was recorded on the phone more than 7 days ago. The owner can accept it from the list of sales that need attention.",
      { recordedAt: body.offline.recordedAt },
    );
  }
  return {
    occurredAt: at,
    mark: {
      recordedAt: at.toISOString(),
      provisional: body.offline.provisional,
      overLimit: false,
      priceChanged: false,
      acceptedBy: acceptedBy ?? null,
    },
  };
}

/**
 * Hook 2, the shop's settings as they apply: the price the phone used stands (it is what the
 * customer paid) and stock may go below zero (the goods are gone). Discount limits still apply.
 */
export function offlineSettings(settings: BusinessSettings, rules: OfflineRules | undefined): BusinessSettings {
  return rules ? { ...settings, staffMayChangePrice: true, allowNegativeStock: true } : settings;
}

/**
 * Hook 3a, once priced and before anything is written: what the owner should check (past the credit
 * limit, a price that changed meanwhile), so the audit entry written with the sale says it too.
 */
export function flagOffline(
  rules: OfflineRules,
  found: { products: Map<string, PricedProduct>; lines: PricedLine[]; overLimit: boolean },
): void {
  rules.mark.overLimit = found.overLimit;
  rules.mark.priceChanged = found.lines.some((l) => l.unitPrice !== found.products.get(l.productId)?.price);
}

/** Hook 3b, after the sale is written: the marks stored with the sale. */
export async function markOffline(tx: Tx, ctx: Ctx, saleId: string, rules: OfflineRules): Promise<void> {
  await setOfflineMark(tx, ctx.businessId, saleId, rules.mark);
}

/** Hook 4, the audit entry's extra details. */
export const offlineAudit = (rules: OfflineRules | undefined) => (rules ? { offline: rules.mark } : {});
