import { t } from "../i18n";
import { parseMoney, parseQuantity } from "./format";

const MINUS = /^\s*[-\u2212\u2013]\s*/;

/**
 * What is wrong with a typed amount, in words, or undefined when it reads as one. A minus sign in
 * front of an amount that reads is said as such, not as a badly written amount.
 */
export function moneyProblem(text: string, currency: string, otherwise: string): string | undefined {
  if (parseMoney(text, currency) !== undefined) return undefined;
  if (MINUS.test(text) && parseMoney(text.replace(MINUS, ""), currency) !== undefined) return t("field.negative");
  return otherwise;
}

/** The same for a quantity: not negative, at most 3 decimals, and above zero where `positive`. */
export function quantityProblem(text: string, opts: { positive?: boolean } = {}): string | undefined {
  const q = parseQuantity(text.replace(MINUS, "-"));
  if (q === undefined) {
    const fraction = /^-?\d*[.,](\d+)$/.exec(text.trim().replace(MINUS, ""))?.[1] ?? "";
    return fraction.length > 3 ? t("field.too_many_decimals", { maximum: 3 }) : t("stock.error.quantity");
  }
  if (q < 0) return t("field.negative");
  if (opts.positive && q === 0) return t("field.not_positive");
  return undefined;
}
