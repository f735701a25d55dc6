import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Database, queryRows } from "../db/client.js";
import { rebuildSalesSummary } from "../modules/summaries/summary-writer.repository.js";
import { asOwner } from "./owner.js";

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
 * it runs as the tables' owner (asOwner), so row-level security does not hide other businesses' rows.
 */
export async function expectLedgerMatchesLevels(database: Database): Promise<void> {
  const { mismatches, levels } = await asOwner(database, async (tx) => {
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

class Rollback extends Error {
  constructor(readonly diff: unknown[]) {
    super("rollback");
  }
}

const NONZERO_DAILY = sql`(sales_count, voids_count, items_sold, gross, discounts, refunds, net, voided_amount,
  cost_of_goods, lines_without_cost, covered_revenue, covered_cost) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`;
const NONZERO_PRODUCT = sql`(quantity, revenue) <> (0, 0)`;
const SUMMARIES = [
  ["sales_daily", NONZERO_DAILY],
  ["sales_monthly", NONZERO_DAILY],
  ["product_sales_daily", NONZERO_PRODUCT],
  ["product_sales_monthly", NONZERO_PRODUCT],
] as const;

/**
 * The summaries' promise: what the sales, voids and refunds kept in the daily and monthly summaries
 * equals a recomputation from the sales as they stand (rows that came back to
 * zero aside). Every business, in a transaction that is rolled back.
 */
export async function expectSummariesMatchSales(database: Database): Promise<void> {
  let diff: unknown[] = [];
  let sales = 0;
  await asOwner(database, async (tx) => {
    const ids = await queryRows<{ id: string }>(tx, sql`select distinct business_id as id from sales`);
    sales = ids.length;
    for (const [table, nonzero] of SUMMARIES) {
      await tx.execute(sql`create temp table ${sql.raw(`kept_${table}`)} on commit drop as
        select * from ${sql.raw(table)} where ${nonzero}`);
    }
    for (const { id } of ids) await rebuildSalesSummary(tx, id);
    const sides = SUMMARIES.map(([table, nonzero]) => {
      const [kept, now] = [sql.raw(`kept_${table}`), sql.raw(table)];
      const name = sql.raw(`'${table}'`);
      return sql`(select 'kept' as side, ${name} as t, row_to_json(x)::text as row from
          (select * from ${kept} except select * from ${now} where ${nonzero}) x)
        union all
        (select 'recomputed', ${name}, row_to_json(x)::text from
          (select * from ${now} where ${nonzero} except select * from ${kept}) x)`;
    });
    const rows = await queryRows(tx, sql.join(sides, sql` union all `));
    throw new Rollback(rows);
  }).catch((err: unknown) => {
    if (!(err instanceof Rollback)) throw err;
    diff = err.diff;
  });
  expect(sales, "no sales visible to the summary check").toBeGreaterThan(0);
  expect(diff).toEqual([]);
}
