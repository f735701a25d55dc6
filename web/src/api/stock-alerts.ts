import type { LowStockCount } from "@duka/contracts";
import type { z } from "zod";
import { createStore } from "../lib/store";
import { api } from "./client";

/** How many product/location pairs are low or out: the Stock tab's badge. Kept tiny: it ships with the shell. */
export const lowStockBadge = createStore<number>(0);

/** Asks the server again; called when the app opens and after every stock change. A failure keeps the old number. */
export async function refreshLowStockBadge(): Promise<void> {
  try {
    lowStockBadge.set((await api.get<z.infer<typeof LowStockCount>>("/alerts/low-stock/count")).total);
  } catch {
    // the badge is a hint; the screens themselves report errors
  }
}
