import type { Sale } from "@duka/contracts";
import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { sees } from "../auth/policy.js";
import { findSale } from "./sale-read.repository.js";

/** One sale as every route answers it. Staff only ever see their own sales; anyone else's answers as missing. */
export function loadSale(tx: Tx, ctx: Ctx, id: string): Promise<Sale | undefined> {
  return findSale(tx, ctx, id, sees.allSales(ctx) ? null : ctx.userId);
}
