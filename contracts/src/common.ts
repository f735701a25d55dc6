import { z } from "zod";

/** Largest amount of money accepted, in minor units: far above any shop's sale, far below 2^53. */
export const MAX_MONEY = 1_000_000_000_000_00;
/** Largest quantity on one line or movement. */
export const MAX_QUANTITY = 1_000_000_000;

export const Id = z.uuid({ message: "must be a valid id" });
/** An amount of money as a whole number of the currency's smallest unit (cents). */
export const Money = z
  .number({ message: "must be a number" })
  .int("must be a whole number of the smallest currency unit")
  .min(0, "cannot be negative")
  .max(MAX_MONEY, "is too large");
/** A quantity with at most three decimals (weighed goods: 1.25 kg). */
export const Quantity = z
  .number({ message: "must be a number" })
  .refine((q) => Number.isFinite(q) && Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, {
    message: "may have at most 3 decimals",
    params: { code: "too_many_decimals", maximum: 3 },
  })
  // 1e-308 passes the decimals check above yet is stored as 0: anything that small is not a quantity.
  .refine((q) => q === 0 || Math.abs(q) >= 0.001, { message: "must be 0 or at least 0.001" })
  .refine((q) => Math.abs(q) <= MAX_QUANTITY, { message: "is too large" });
export const PositiveQuantity = Quantity.refine((q) => q > 0, {
  message: "must be more than zero",
  params: { code: "not_positive" },
});
/** Dates a shop can mean: the databases reject year 0000, and nothing in a shop is older than 1900. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;
const inYears = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const yearMessage = { message: `must be a date between ${MIN_YEAR} and ${MAX_YEAR}` };
/** A calendar date, YYYY-MM-DD, in the business's time zone. */
export const IsoDate = z.iso.date({ message: "must be a date like 2026-01-31" }).refine(inYears, yearMessage);
export const Instant = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date and time" })
  .refine(inYears, yearMessage);
export const Role = z.enum(["owner", "staff"]);
export type Role = z.infer<typeof Role>;

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Ok = z.object({ ok: z.literal(true) });

/** A NUL or half of a surrogate pair: text no database column or JSON log line can hold. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isStorableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);
export const UNSTORABLE_MESSAGE = "contains a character that cannot be stored (a NUL or a broken emoji)";

/** Any text a client sends: the edge refuses the unstorable characters in every field (server/src/lib/input-guard.ts). */
export const Text = () => z.string({ message: "is required" }).refine(isStorableText, UNSTORABLE_MESSAGE);
/** A text field people type: trimmed, not blank, bounded. */
export const Name = (max = 120) => Text().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
export const OptionalText = (max = 500) =>
  Text().trim().max(max, `must be at most ${max} characters`).optional().nullable();

/** A BCP 47 language tag such as en, fr-FR or sw-KE; anything else breaks every receipt's number format. */
export const Locale = z
  .string()
  .trim()
  .min(2, "must be a language code such as en or sw-KE")
  .max(35, "must be a language code such as en or sw-KE")
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { message: "must be a language code such as en or sw-KE" },
  );

/**
 * Page cursors, checked at the edge so a forged one is a 400, never a database error.
 * SerialCursor: the last row's serial id. KeyCursor: base64url JSON of the last row's sort key, ending
 * with its id; each part is "text", "instant" (a database timestamp) or "id" (a UUID).
 */
export const SerialCursor = z.string().regex(/^[1-9]\d{0,17}$/, "must be a cursor from a previous page");
type CursorPart = "text" | "instant" | "id";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const partOk: Record<CursorPart, (v: string) => boolean> = {
  text: (v) => v.length <= 400 && isStorableText(v),
  instant: isDatabaseInstant,
  id: (v) => UUID_RE.test(v),
};
/** A timestamp as the database writes it as text ("2026-01-31 09:15:00.123456+03"), and a real one. */
function isDatabaseInstant(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}){0,2})$/.exec(v);
  if (!m || !inYears(v)) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && h < 24 && mi < 60 && sec < 60;
}
export function decodeKeyCursor(cursor: string): unknown {
  try {
    const base64 = cursor.replaceAll("-", "+").replaceAll("_", "/");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
export const KeyCursor = (...parts: CursorPart[]) =>
  z
    .string()
    .max(1000)
    .refine(
      (cursor) => {
        const key = decodeKeyCursor(cursor);
        return (
          Array.isArray(key) &&
          key.length === parts.length &&
          key.every((v, i) => typeof v === "string" && partOk[parts[i] as CursorPart](v))
        );
      },
      { message: "is not a page link from this list; start the list again" },
    );

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
