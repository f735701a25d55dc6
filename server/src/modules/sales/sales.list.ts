import type { SaleList, SaleListQuery } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { sees } from "../auth/policy.js";
import { findSalePage } from "./sale-read.repository.js";
import { loadSale } from "./sale-view.js";

/** Sales newest first, filtered; staff see their own sales whatever they ask for. */
export function listSales(db: Db, ctx: Ctx, query: z.output<typeof SaleListQuery>): Promise<SaleList> {
  const userId = sees.allSales(ctx) ? query.userId : ctx.userId;
  return inBusiness(db, ctx.businessId, (tx) => findSalePage(tx, ctx.businessId, { ...query, userId }));
}

export async function getSale(db: Db, ctx: Ctx, id: string) {
  const sale = await inBusiness(db, ctx.businessId, (tx) => loadSale(tx, ctx, id));
  if (!sale) throw notFound("Sale");
  return sale;
}
