/**
 * Amounts, numbers and dates for people to read: always through Intl, with the business's currency
 * and time zone and the reader's language. Money arrives as an integer of minor units.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

const currencyFormat = (locale: string, currency: string) =>
  memo(`c|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency }));

/** How many minor units make one major unit: 2 for KES, 0 for UGX, 3 for KWD — as Intl knows them. */
export function minorDigits(currency: string): number {
  return currencyFormat("en", currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  return currencyFormat(locale, currency).format(minor / 10 ** minorDigits(currency));
}

export function formatNumber(value: number, locale: string, maxDecimals = 3): string {
  return memo(
    `n|${locale}|${maxDecimals}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }),
  ).format(value);
}

type DateStyle = "date" | "long" | "dateTime" | "time" | "month";
const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  long: { dateStyle: "full" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
  month: { month: "long", year: "numeric" },
};

/** An instant shown on the business's calendar and clock, wherever the phone happens to be. */
export function formatDate(at: Date | string, timeZone: string, locale: string, style: DateStyle = "date"): string {
  return memo(
    `d|${locale}|${timeZone}|${style}`,
    () => new Intl.DateTimeFormat(locale, { ...DATE_STYLES[style], timeZone }),
  ).format(typeof at === "string" ? new Date(at) : at);
}

/** A calendar day (YYYY-MM-DD, already in the business's zone) shown without shifting it a day. */
export function formatDay(day: string, locale: string, style: DateStyle = "date"): string {
  return formatDate(`${day}T12:00:00Z`, "UTC", locale, style);
}

export interface BusinessFormat {
  currency: string;
  timeZone: string;
  country?: string | null;
}

/** A file's size for people: "820 kB", "3.4 MB" (decimal units, as phones show them). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size] =
    bytes < 1000
      ? (["byte", bytes] as const)
      : bytes < 1_000_000
        ? (["kilobyte", bytes / 1000] as const)
        : (["megabyte", bytes / 1_000_000] as const);
  return new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(size);
}

/** Formatters bound to one business and language, for components. */
export function formatterFor(business: BusinessFormat, language: string) {
  const locale = business.country ? `${language}-${business.country}` : language;
  return {
    locale,
    money: (minor: number) => formatMoney(minor, business.currency, locale),
    number: (value: number, maxDecimals?: number) => formatNumber(value, locale, maxDecimals),
    date: (at: Date | string, style?: DateStyle) => formatDate(at, business.timeZone, locale, style),
    day: (day: string, style?: DateStyle) => formatDay(day, locale, style),
    bytes: (n: number) => formatBytes(n, locale),
  };
}

/**
 * What a person typed as an amount ("1,250.50", "1 250,5", "300") → integer minor units of the
 * currency, or undefined when it is not a plain non-negative amount. A dot is always the decimal
 * mark; a single comma is one too when followed by at most the currency's digits, else it groups
 * thousands. Works on the digits as text, so no float rounding creeps in.
 */
export function parseMoney(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  let s = text.replace(/[\s\u00a0\u202f']/g, "");
  if (s.includes(".")) s = s.replace(/,/g, "");
  else if (/^\d*,\d+$/.test(s) && (s.split(",")[1]?.length ?? 0) <= digits) s = s.replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, "");
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === "" && !m[2]) || (m[2]?.length ?? 0) > digits) return undefined;
  const minor = Number(m[1] || "0") * 10 ** digits + Number((m[2] ?? "").padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** Integer minor units → the plain text a money input starts with ("1250.5" for 125050 KES). */
export function moneyInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const major = Math.floor(minor / 10 ** digits);
  const fraction = String(minor % 10 ** digits)
    .padStart(digits, "0")
    .replace(/0+$/, "");
  return fraction ? `${major}.${fraction}` : String(major);
}

/** A typed quantity ("1,5" or "2.250") with at most 3 decimals → a number, else undefined. */
export function parseQuantity(text: string): number | undefined {
  const s = text.trim().replace(",", ".");
  if (!/^-?(\d+(\.\d{0,3})?|\.\d{1,3})$/.test(s)) return undefined;
  return Math.round(Number(s) * 1000) / 1000;
}
