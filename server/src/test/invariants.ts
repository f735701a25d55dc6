import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Database, queryRows } from "../db/client.js";

interface Mismatch {
  product_id: string;
  location_id: string;
  level: string | null;
  ledger: string | null;
  last_after: string | null;
}

/**
 * The ledger's promise: for every product and location, the stored level equals the sum of its
 * movements, and the newest movement's level_after equals the level. Checked across every business:
 * the transaction drops the app role (SET LOCAL ROLE NONE returns to the connecting superuser, on
 * PGlite and PostgreSQL alike), so row-level security does not hide other businesses' rows.
 */
export async function expectLedgerMatchesLevels(database: Database): Promise<void> {
  const { mismatches, levels } = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local role none`);
    const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from stock_levels`);
    const rows = await queryRows<Mismatch>(
      tx,
      sql`with ledger as (
            select business_id, product_id, location_id, sum(quantity) as total,
              (array_agg(level_after order by id desc))[1] as last_after
            from stock_movements group by business_id, product_id, location_id
          )
          select coalesce(s.product_id, g.product_id) as product_id, coalesce(s.location_id, g.location_id) as location_id,
            s.quantity::text as level, g.total::text as ledger, g.last_after::text as last_after
          from stock_levels s
          full join ledger g on g.product_id = s.product_id and g.location_id = s.location_id and g.business_id = s.business_id
          where coalesce(s.quantity, 0) <> coalesce(g.total, 0)
             or (g.last_after is not null and g.last_after <> s.quantity)`,
    );
    return { mismatches: rows, levels: count?.n ?? 0 };
  });
  // A check that sees no rows proves nothing: callers use it after moving stock.
  expect(levels, "no stock levels visible to the ledger check").toBeGreaterThan(0);
  expect(mismatches).toEqual([]);
}
