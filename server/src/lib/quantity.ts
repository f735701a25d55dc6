import { MAX_MONEY } from "@duka/contracts";
import { AppError } from "./errors.js";

/**
 * Quantities on a fixed scale: in code an integer count of thousandths ("milli"), in the database
 * numeric(14,3), in JSON a number with at most 3 decimals. Integers keep sums exact; see
 * docs/decisions/003-quantities-and-money.md.
 */
export const QTY_SCALE = 1000;

/** A JSON quantity (≤ 3 decimals, already validated at the edge) as an integer of thousandths. */
export function toMilli(quantity: number): number {
  const milli = Math.round(quantity * QTY_SCALE);
  // 0.1 * 1000 is 100.00000000000001: tolerate float noise, refuse a real fourth decimal.
  if (!Number.isSafeInteger(milli) || Math.abs(quantity * QTY_SCALE - milli) > 1e-6) {
    throw new RangeError(`${quantity} is not a quantity with at most 3 decimals`);
  }
  return milli === 0 ? 0 : milli; // never -0
}

/** Thousandths back to the JSON number: exact to 3 decimals for any quantity we store. */
export function fromMilli(milli: number): number {
  return milli / QTY_SCALE;
}

const NUMERIC = /^(-?)(\d+)(?:\.(\d{0,3})0*)?$/;

/** A numeric string from the driver ("12.500", "-3", "0.000") as thousandths, without float parsing. */
export function parseMilli(numeric: string): number {
  const m = NUMERIC.exec(numeric.trim());
  if (!m) throw new RangeError(`"${numeric}" is not a numeric with at most 3 decimals`);
  const [, sign, whole = "0", frac = ""] = m;
  const milli = Number(whole) * QTY_SCALE + Number(frac.padEnd(3, "0"));
  if (!Number.isSafeInteger(milli)) throw new RangeError(`"${numeric}" is too large`);
  return sign === "-" && milli !== 0 ? -milli : milli;
}

/** Thousandths as a numeric literal for the database: 12500 → "12.500". */
export function milliToNumeric(milli: number): string {
  if (!Number.isSafeInteger(milli)) throw new RangeError(`${milli} is not an integer of thousandths`);
  const abs = Math.abs(milli);
  const whole = Math.floor(abs / QTY_SCALE);
  const frac = String(abs % QTY_SCALE).padStart(3, "0");
  return `${milli < 0 ? "-" : ""}${whole}.${frac}`;
}

/**
 * Price × quantity in minor units, rounded half away from zero (half-up for positive amounts):
 * 333 cents × 0.5 kg = 166.5 → 167. BigInt, because price × milli can pass 2^53 before dividing.
 */
export function lineAmount(unitPriceMinor: number, qtyMilli: number): number {
  if (!Number.isSafeInteger(unitPriceMinor) || !Number.isSafeInteger(qtyMilli)) {
    throw new RangeError("lineAmount takes integers");
  }
  const product = BigInt(unitPriceMinor) * BigInt(qtyMilli);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const scale = BigInt(QTY_SCALE);
  const rounded = (abs + scale / 2n) / scale;
  if (rounded > BigInt(MAX_MONEY)) {
    throw new AppError("amount_too_large", 400, "This amount is too large. Check the price and the quantity.");
  }
  const n = Number(rounded);
  return negative && n !== 0 ? -n : n;
}
