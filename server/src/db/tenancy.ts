import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client.js";

/**
 * Runs fn in a transaction bound to one business: row-level security then shows and accepts
 * only that business's rows, whatever the queries inside forget.
 */
export function inBusiness<T>(db: Db, businessId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.business_id', ${businessId}, true)`);
    return fn(tx);
  });
}
