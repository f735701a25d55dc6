import type { FirstSteps } from "@duka/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";

/** Whether each first step has happened: one row found is enough, so each is an index probe. */
/** Staff: anyone but the one asking (a second owner counts too). */
export async function readFirstSteps(tx: Tx, businessId: string, userId: string): Promise<FirstSteps> {
  const [row] = await queryRows<FirstSteps>(
    tx,
    sql`select
          exists (select 1 from products where business_id = ${businessId}) as products,
          exists (select 1 from users where business_id = ${businessId} and id <> ${userId}::uuid) as staff,
          exists (select 1 from sales where business_id = ${businessId}) as sale`,
  );
  return { products: row?.products === true, staff: row?.staff === true, sale: row?.sale === true };
}
