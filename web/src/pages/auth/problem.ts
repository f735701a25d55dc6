import { ApiError } from "../../api/client";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";

/** A refused password or code, with a warning two tries before the lock and what staff can do. */
export function refusalMessage(err: unknown): string {
  const base = errorMessage(err);
  if (!(err instanceof ApiError)) return base;
  if (err.code === "too_many_attempts") return `${base} ${t("auth.askOwner")}`;
  const left = (err.details as { triesLeft?: number } | undefined)?.triesLeft;
  if (left === undefined || left > 2) return base;
  const warning = left <= 0 ? t("auth.lastTry") : left === 1 ? t("auth.oneTryLeft") : t("auth.triesLeft", { n: left });
  return `${base} ${warning} ${t("auth.askOwner")}`;
}
