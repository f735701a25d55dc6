/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a formula; text
 * a person typed is prefixed with ' so it stays text.
 */
export const safeText = (s: string | null) => (s && /^[=+\-@\t\r]/.test(s) ? `'${s}` : (s ?? ""));
