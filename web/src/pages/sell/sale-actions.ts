import type { Sale } from "../../api/sales";

/**
 * Whether the sale screen offers Void and Refund. A sale brought in from the old system is that
 * system's record (the server refuses both, decision 021), and a voided one has nothing left to undo.
 */
export function mayCorrect(sale: Pick<Sale, "status" | "imported">, permissions: readonly string[]): boolean {
  return permissions.includes("sales.void") && sale.status === "completed" && !sale.imported;
}
