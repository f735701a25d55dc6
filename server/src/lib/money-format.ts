/**
 * Money leaves the system as text only here. Amounts stay integers of minor units; the decimal
 * string is built by integer arithmetic and handed to Intl as a string, so no float ever rounds it.
 */
const digitsOf = new Map<string, number>();

/** The currency's minor digits; remembered, as building an Intl formatter costs more than a file row. */
export function minorDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsOf.set(currency, digits);
  }
  return digits;
}

/** 123450 KES → "1234.50": a plain decimal for files and for Intl. */
export function toDecimalString(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.trunc(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/** "KSh 1,234.50" in the business's locale. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const format = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits });
  // Intl accepts decimal strings at run time (exact); the type definitions lag behind.
  return format.format(toDecimalString(minor, currency) as unknown as number);
}

/** "1,234.50": the amount without a currency sign, for messages. */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(toDecimalString(minor, currency) as unknown as number);
}
