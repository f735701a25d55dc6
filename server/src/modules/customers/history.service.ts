import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { findCustomer } from "./customers.service.js";
import { customerSalesPage, customerSummary } from "./history.repository.js";

/** Every sale of one customer, newest first, with its lines, and what they amount to. */
export function getPurchaseHistory(
  db: Db,
  ctx: Ctx,
  customerId: string,
  input: { cursor?: string | undefined; limit: number },
) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    await findCustomer(tx, ctx, customerId);
    const page = await customerSalesPage(tx, ctx.businessId, customerId, input.cursor, input.limit);
    return { ...page, summary: await customerSummary(tx, ctx.businessId, customerId) };
  });
}
