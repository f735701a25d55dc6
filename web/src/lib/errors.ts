import { ApiError } from "../api/client";
import { hasMessage, t } from "../i18n";

/**
 * What to tell the person about a failed request: our own words for the codes we know (so they
 * are translated), the server's sentence otherwise — it is written for shop owners too.
 */
export function errorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return t("error.generic");
  const key = `error.${err.code}`;
  if (hasMessage(key)) return t(key);
  return err.message || t("error.generic");
}

export const fieldErrors = (err: unknown) => (err instanceof ApiError ? err.fields : {});
