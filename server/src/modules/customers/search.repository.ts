import { type SQL, sql } from "drizzle-orm";
import { phonePrefixes } from "./phone.js";

const PHONE_LIKE = /^[\d\s+().\-/]+$/;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The search condition for what a person typed in one field. Mostly digits → a phone number in any
 * form: the start of the international or national form, or its last digits. Otherwise → a name:
 * the whole name starts with it, or every typed word starts a word of the name ("ami ju" finds
 * "Amina Juma"). Migration 0002_customer_search indexes each branch for the tables' owner; as the
 * app, under row-level security, LIKE and @@ are not leakproof and the search walks the business's
 * customers in name order (decision 028).
 */
export function searchCondition(q: string, country: string | null): SQL | undefined {
  const digits = q.replace(/\D/g, "");
  if (PHONE_LIKE.test(q) && digits.length >= 3) {
    const starts = phonePrefixes(digits, q.trimStart().startsWith("+"), country).map(
      (p) => sql`c.phone like ${`${p}%`}`,
    );
    const ends = sql`reverse(c.phone) like ${`${[...digits].reverse().join("")}%`}`;
    return sql`(${sql.join([...starts, ends], sql` or `)})`;
  }
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const prefix = sql`lower(c.name) like ${`${escapeLike(q.toLowerCase())}%`}`;
  // Only letters and digits reach to_tsquery, so nothing typed can break its syntax.
  const tsquery = words.map((w) => `${w}:*`).join(" & ");
  return sql`(${prefix} or to_tsvector('simple', c.name) @@ to_tsquery('simple', ${tsquery}))`;
}
