import type { StockState } from "@duka/contracts";

/**
 * Not counted until someone counts, receives or imports it; then out at or below zero, low at or
 * below the threshold, in otherwise. A product's total over several locations is judged against the
 * product's own threshold: per-location overrides apply per location (the low-stock alerts list
 * each location separately).
 */
export function stockStateOf(levelMilli: number, thresholdMilli: number, counted = true): StockState {
  if (!counted) return "uncounted";
  if (levelMilli <= 0) return "out";
  return levelMilli <= thresholdMilli ? "low" : "in";
}
