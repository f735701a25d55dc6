import { type ImportIssueCode, MAX_MONEY, MAX_QUANTITY } from "@duka/contracts";
import { minorDigits } from "../../lib/money-format.js";

export type Failure = { ok: false; code: ImportIssueCode; message: string; params?: Record<string, string | number> };
export type Parsed<T> = { ok: true; value: T } | Failure;

const fail = (code: ImportIssueCode, message: string, params?: Failure["params"]): Failure => ({
  ok: false,
  code,
  message,
  ...(params ? { params } : {}),
});

/**
 * "1,250.00", "1.250,00", "KSh 80", "80,5", "1 250" → an exact decimal as [sign, whole, fraction]
 * digits, or null when it is not a number. A lone comma followed by exactly three digits is a
 * thousands separator ("1,250"), unless the file uses commas as its decimal mark.
 */
export function readDecimal(
  input: string,
  decimalComma: boolean,
): { negative: boolean; whole: string; frac: string } | null {
  let s = input.replace(/[\s\u00a0\u202f']/g, "");
  const negative = /^-|^\(.*\)$|-$/.test(s);
  // Currency signs and codes before or after the amount: KSh, KES, TSh, USh, $, €, £, ₦, CFA, FCFA.
  s = s.replace(/^[-(]+|[-)]+$/g, "").replace(/^[^\d.,]+|[^\d.,]+$/g, "");
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const mark = decimalMark(s, decimalComma);
  const digits = mark ? s.replaceAll(mark === "." ? "," : ".", "") : s.replace(/[.,]/g, "");
  const [whole = "", frac = "", extra] = digits.split(mark ?? "\u0000");
  if (extra !== undefined || whole + frac === "") return null;
  return { negative, whole: whole.replace(/^0+(?=\d)/, "") || "0", frac };
}

/** Which of . and , is the decimal mark in s (digits, dots and commas only); null: a whole number. */
function decimalMark(s: string, decimalComma: boolean): "." | "," | null {
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  if (dots && commas) return s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
  const [sign, count] = dots ? (["." as const, dots] as const) : commas ? ([",", commas] as const) : [null, 0];
  if (!sign) return null;
  if (count > 1) return null; // 1.250.000 or 1,250,000: thousands only
  const after = s.length - s.indexOf(sign) - 1;
  const native = decimalComma ? "," : ".";
  // The file's own decimal mark is a decimal; the other one is a decimal unless three digits follow.
  return sign === native || after !== 3 ? sign : null;
}

/** An amount of money in the currency's minor units, refusing negatives and too many decimals. */
export function parseMoney(input: string, currency: string, decimalComma: boolean): Parsed<number> {
  const d = readDecimal(input, decimalComma);
  if (!d) return fail("amount_invalid", `"${input}" is not an amount. Write it like 1250.50, without letters.`);
  if (d.negative) return fail("amount_negative", "cannot be negative.");
  const digits = minorDigits(currency);
  const frac = d.frac.replace(/0+$/, "");
  if (frac.length > digits) {
    return digits === 0
      ? fail("amount_no_cents", `${currency} has no cents: write a whole amount.`, { currency })
      : fail("amount_decimals", `has more than ${digits} decimals.`, { digits });
  }
  const minor = Number(d.whole + frac.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor) || minor > MAX_MONEY) return fail("amount_too_large", "is too large.");
  return { ok: true, value: minor };
}

/** A quantity in thousandths (1.25 kg → 1250), refusing negatives and a fourth decimal. */
export function parseQuantity(input: string, decimalComma: boolean): Parsed<number> {
  const d = readDecimal(input, decimalComma);
  if (!d) return fail("quantity_invalid", `"${input}" is not a number. Write it like 12 or 2.5.`);
  if (d.negative) return fail("quantity_negative", "cannot be negative.");
  const frac = d.frac.replace(/0+$/, "");
  if (frac.length > 3) return fail("quantity_decimals", "may have at most 3 decimals.");
  const milli = Number(d.whole + frac.padEnd(3, "0"));
  if (!Number.isSafeInteger(milli) || milli > MAX_QUANTITY * 1000) return fail("quantity_too_large", "is too large.");
  return { ok: true, value: milli };
}

const YES = new Set(["y", "yes", "true", "1", "oui", "o", "ndiyo", "ndio", "x"]);
const NO = new Set(["n", "no", "false", "0", "non", "hapana", ""]);

/** Y/N, yes/no, true/false, oui/non, ndiyo/hapana; null when it is none of them. */
export function parseYesNo(input: string): boolean | null {
  const s = input.trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}
