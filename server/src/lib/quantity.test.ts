import { MAX_MONEY } from "@duka/contracts";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { fromMilli, lineAmount, milliToNumeric, parseMilli, toMilli } from "./quantity.js";

describe("quantity scale", () => {
  it("turns JSON numbers into thousandths without float drift", () => {
    expect(toMilli(0.1)).toBe(100);
    expect(toMilli(1.005)).toBe(1005);
    expect(toMilli(-2.5)).toBe(-2500);
    expect(toMilli(1_000_000_000)).toBe(1_000_000_000_000);
    expect(Object.is(toMilli(-0), 0)).toBe(true);
  });

  it("refuses a fourth decimal or a non-number", () => {
    expect(() => toMilli(1.0005)).toThrow(RangeError);
    expect(() => toMilli(Number.NaN)).toThrow(RangeError);
    expect(() => toMilli(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("round-trips through the database's numeric text", () => {
    for (const milli of [0, 1, 999, 1000, 12_500, -3_000, -1, 999_999_999_999]) {
      expect(parseMilli(milliToNumeric(milli))).toBe(milli);
    }
    expect(milliToNumeric(12_500)).toBe("12.500");
    expect(milliToNumeric(-5)).toBe("-0.005");
    expect(parseMilli("7")).toBe(7000);
    expect(parseMilli("0.25")).toBe(250);
    expect(parseMilli("-0.000")).toBe(0);
    expect(fromMilli(parseMilli("1.250"))).toBe(1.25);
  });

  it("refuses numeric text it cannot represent exactly", () => {
    expect(() => parseMilli("1.2345")).toThrow(RangeError);
    expect(() => parseMilli("abc")).toThrow(RangeError);
    expect(() => parseMilli("")).toThrow(RangeError);
  });
});

describe("lineAmount", () => {
  it("multiplies exactly and rounds half up to minor units", () => {
    expect(lineAmount(250, 3000)).toBe(750);
    expect(lineAmount(333, 500)).toBe(167); // 166.5
    expect(lineAmount(333, 499)).toBe(166); // 166.167
    expect(lineAmount(1, 1)).toBe(0); // 0.001
    expect(lineAmount(1, 500)).toBe(1); // 0.5
    expect(lineAmount(0, 123_456)).toBe(0);
  });

  it("rounds negative amounts symmetrically (half away from zero)", () => {
    expect(lineAmount(333, -500)).toBe(-167);
    expect(Object.is(lineAmount(1, -1), 0)).toBe(true);
  });

  it("stays exact past 2^53 intermediate products", () => {
    // 10^11 minor units × 10^9 units: the product has 23 digits, the result is exactly MAX_MONEY.
    expect(lineAmount(100_000, 1_000_000_000_000)).toBe(MAX_MONEY);
  });

  it("refuses amounts above MAX_MONEY", () => {
    expect(lineAmount(MAX_MONEY, 1000)).toBe(MAX_MONEY);
    expect(() => lineAmount(MAX_MONEY, 1001)).toThrow(AppError);
    expect(() => lineAmount(-MAX_MONEY, 2000)).toThrow(/too large/);
  });
});
