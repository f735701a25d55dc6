import type { FieldIssue } from "@duka/contracts";
import { currentLocale, hasMessage, t } from "../i18n";

/**
 * A field's problems in the user's language: the catalogue's words for each code, with its
 * parameters. For a rule without words of its own ("invalid"), English readers get the server's
 * precise sentence and the others the catalogue's general one.
 */
export function fieldTexts(fields: unknown): Record<string, string[]> {
  if (!fields || typeof fields !== "object") return {};
  const out: Record<string, string[]> = {};
  for (const [path, list] of Object.entries(fields as Record<string, (FieldIssue | string)[]>)) {
    out[path] = (Array.isArray(list) ? list : []).map(textOf);
  }
  return out;
}

function textOf(issue: FieldIssue | string): string {
  if (typeof issue === "string") return issue;
  const key = `field.${issue.code}`;
  if ((issue.code === "invalid" && currentLocale() === "en") || !hasMessage(key)) return issue.message;
  return t(key, issue.params);
}
