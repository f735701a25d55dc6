import { forgetWithSession } from "../data/cache";
import { get } from "../data/endpoints";
import { createStore } from "../lib/store";

/** How many product/location pairs are low or out: the Stock tab's badge. Kept tiny: it ships with the shell. */
export const lowStockBadge = createStore<number>(0);
forgetWithSession(() => lowStockBadge.set(0));

/** Asks the server again; called when the app opens and after every stock change. A failure keeps the old number. */
export async function refreshLowStockBadge(): Promise<void> {
  try {
    lowStockBadge.set((await get("/alerts/low-stock/count")).total);
  } catch {
    // the badge is a hint; the screens themselves report errors
  }
}
