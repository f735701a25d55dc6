import { ApiError } from "../api/client";
import { currentLocale, hasMessage, type Params, t } from "../i18n";
import { session } from "../session";
import { formatterFor } from "./format";

/** Details that are amounts of money, in minor units: shown in the shop's currency. */
const MONEY = new Set(["creditLimit", "balance", "amount", "price"]);

/** The answer's details as message parameters: numbers and words as they are, money formatted. */
function paramsOf(details: unknown): Params {
  if (!details || typeof details !== "object") return {};
  const now = session.get();
  const fmt = now.status === "signedIn" ? formatterFor(now.me.business, currentLocale()) : undefined;
  const params: Params = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "number") params[key] = MONEY.has(key) && fmt ? fmt.money(value) : value;
    else if (typeof value === "string") params[key] = value;
  }
  return params;
}

/**
 * What to tell the person about a failed request: the catalogue's words for the code (every code the
 * server answers has them, in every language), filled in from the answer's details; the server's
 * English sentence only for a code this app does not know yet.
 */
export function errorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return t("error.generic");
  const key = `error.${err.code}`;
  if (hasMessage(key)) return t(key, paramsOf(err.details));
  return err.message || t("error.generic");
}

export const fieldErrors = (err: unknown) => (err instanceof ApiError ? err.fields : {});
