import { randomUUID } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../../server/src/db/client.js";
import type { RawResult } from "./raw-sql.js";
import { percentile, round } from "./util.js";

/** A cash sale's figures added to a summary row of `table` keyed by `period` (its day or its month). */
const figuresInsert = (table: string, period: string, value: string) =>
  `  insert into ${table} as d (business_id, ${period}, location_id, user_id, payment_method, sales_count,
    items_sold, gross, discounts, net, cost_of_goods, lines_without_cost, covered_revenue, covered_cost)
  select $1, ${value}, $2, $3, 'cash', 1, tot.items, tot.total, 0, tot.total, coalesce(tot.cogs, 0),
    tot.no_cost, coalesce(tot.covered_revenue, 0), coalesce(tot.covered_cost, 0)
  from sale, tot
  on conflict (business_id, ${period}, location_id, user_id, payment_method) do update set
    sales_count = d.sales_count + 1, items_sold = d.items_sold + excluded.items_sold, gross = d.gross + excluded.gross,
    net = d.net + excluded.net, cost_of_goods = d.cost_of_goods + excluded.cost_of_goods,
    lines_without_cost = d.lines_without_cost + excluded.lines_without_cost,
    covered_revenue = d.covered_revenue + excluded.covered_revenue, covered_cost = d.covered_cost + excluded.covered_cost`;

/**
 * The ceiling of recording a sale on this machine: the same rows a Duka sale writes (the receipt
 * counter, the sale, its lines, the payment, each line's stock level and movement, the daily and
 * monthly summaries, the audit row and the notify) as ONE statement of data-modifying CTEs, prepared once
 * per connection, in autocommit. No HTTP, no framework, no session check, no separate reads: what
 * PostgreSQL itself can do. Duka's throughput is reported as a percentage of this.
 *
 * $1 business, $2 location, $3 user, $4 sale id, $5 product ids, $6 quantities.
 */
export const ONE_STATEMENT_SALE = `
with req as (
  select r.product_id, r.qty, r.line_no::int as line_no
  from unnest($5::uuid[], $6::numeric[]) with ordinality as r(product_id, qty, line_no)
), p as (
  select req.*, pr.name, pr.price, pr.cost, round(pr.price * req.qty)::bigint as line_total
  from req join products pr on pr.business_id = $1 and pr.id = req.product_id
), tot as (
  select sum(line_total)::bigint as total, sum(qty) as items,
    sum(round(cost * qty)) as cogs, sum(line_total) filter (where cost is not null) as covered_revenue,
    sum(cost * qty) as covered_cost, count(*) filter (where cost is null) as no_cost
  from p
), counter as (
  update businesses set next_sale_number = next_sale_number + 1 where id = $1
  returning next_sale_number - 1 as number, time_zone
), sale as (
  insert into sales (id, business_id, number, location_id, user_id, occurred_at, business_date, subtotal, discount,
    total, payment_method, request_hash, created_at)
  select $4, $1, counter.number, $2, $3, now(), (now() at time zone counter.time_zone)::date, tot.total, 0, tot.total,
    'cash', 'limit', now()
  from counter, tot
  returning id, number, business_date
), lines as (
  insert into sale_lines (business_id, sale_id, line_no, product_id, name, quantity, unit_price, line_total, unit_cost)
  select $1, sale.id, p.line_no, p.product_id, p.name, p.qty, p.price, p.line_total, p.cost from sale, p
), pay as (
  insert into payments (business_id, kind, sale_id, method, amount, user_id, created_at)
  select $1, 'sale', sale.id, 'cash', tot.total, $3, now() from sale, tot
), level as (
  update stock_levels l set quantity = l.quantity - p.qty, updated_at = now()
  from p where l.business_id = $1 and l.product_id = p.product_id and l.location_id = $2 and l.quantity >= p.qty
  returning l.product_id, l.quantity
), moves as (
  insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after, unit_cost, sale_id,
    user_id, created_at)
  select $1, level.product_id, $2, 'sale', -p.qty, level.quantity, p.cost, $4, $3, now()
  from level join p on p.product_id = level.product_id
), daily as (
${figuresInsert("sales_daily", "business_date", "sale.business_date")}
), monthly as (
${figuresInsert("sales_monthly", "month", "date_trunc('month', sale.business_date)::date")}
), products_monthly as (
  insert into product_sales_monthly as d (business_id, month, product_id, quantity, revenue)
  select $1, date_trunc('month', sale.business_date)::date, p.product_id, p.qty, p.line_total from sale, p
  order by p.product_id
  on conflict (business_id, month, product_id) do update set
    quantity = d.quantity + excluded.quantity, revenue = d.revenue + excluded.revenue
), products_daily as (
  insert into product_sales_daily as d (business_id, business_date, location_id, user_id, product_id, quantity, revenue)
  select $1, sale.business_date, $2, $3, p.product_id, p.qty, p.line_total from sale, p order by p.product_id
  on conflict (business_id, business_date, location_id, user_id, product_id) do update set
    quantity = d.quantity + excluded.quantity, revenue = d.revenue + excluded.revenue
), audit as (
  insert into audit_log (business_id, user_id, action, entity, entity_id, details, at)
  select $1, $3, 'sale.created', 'sale', $4::text, jsonb_build_object('total', tot.total, 'method', 'cash'), now()
  from tot
)
select sale.number, (select count(*) from level) as moved,
  pg_notify('duka_events', json_build_object('b', $1::text, 't', 'sale.created', 'l', $2::text)::text)
from sale`;

/** What one business's sales need: where, by whom, and the products on sale. */
export interface LimitTarget {
  businessId: string;
  locationId: string;
  userId: string;
  productIds: string[];
}

/** A 3-line sale of distinct products, 1, 2 and 3 of each, as the bench's HTTP sales are. */
function saleParams(t: LimitTarget): unknown[] {
  const picked = new Set<string>();
  while (picked.size < 3) picked.add(t.productIds[Math.floor(Math.random() * t.productIds.length)] as string);
  return [t.businessId, t.locationId, t.userId, randomUUID(), [...picked], ["1", "2", "3"]];
}

/** The targets of shops set up through the API: their first location, a staff member, their products. */
export async function targetsOf(url: string, businessIds: string[]): Promise<LimitTarget[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(
      `select b.id as business_id,
         (select id from locations l where l.business_id = b.id order by created_at, id limit 1) as location_id,
         (select id from users u where u.business_id = b.id order by role = 'staff' desc, created_at limit 1) as user_id,
         array(select id from products p where p.business_id = b.id order by id) as product_ids
       from businesses b where b.id = any($1::uuid[])`,
      [businessIds],
    );
    return r.rows.map((row) => ({
      businessId: row.business_id,
      locationId: row.location_id,
      userId: row.user_id,
      productIds: row.product_ids,
    }));
  } finally {
    await c.end();
  }
}

interface Timed {
  latencies: number[];
  errors: number;
  elapsed: number;
}

function result(connections: number, t: Timed): RawResult {
  return {
    connections,
    seconds: round(t.elapsed, 2),
    transactions: t.latencies.length,
    throughput: round(t.latencies.length / t.elapsed, 1),
    p50: round(percentile(t.latencies, 50), 1),
    p95: round(percentile(t.latencies, 95), 1),
    p99: round(percentile(t.latencies, 99), 1),
    errors: t.errors,
  };
}

async function timed(workers: number, seconds: number, one: (worker: number) => Promise<void>): Promise<Timed> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await one(w);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          if (errors === 1) process.stderr.write(`one-statement sale error: ${(err as Error).message}\n`);
        }
      }
    }),
  );
  return { latencies, errors, elapsed: (performance.now() - started) / 1000 };
}

/**
 * The one-statement sale on PostgreSQL by `connections` clients, as the app's role (row-level
 * security costs the same). Client i sells for targets[i mod n]: one target is one business, 50
 * targets spread the same load over 50 businesses.
 */
export async function oneStatementLimit(
  url: string,
  targets: LimitTarget[],
  connections: number,
  seconds: number,
): Promise<RawResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections, options: "-c role=duka_app" });
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  try {
    const mine = (w: number) => targets[w % targets.length] as LimitTarget;
    await Promise.all(
      clients.map((c, w) => c.query("select set_config('app.business_id', $1, false)", [mine(w).businessId])),
    );
    const t = await timed(connections, seconds, async (w) => {
      const r = await (clients[w] as pg.PoolClient).query({
        name: "sale",
        text: ONE_STATEMENT_SALE,
        values: saleParams(mine(w)),
      });
      if (Number(r.rows[0]?.moved) !== 3) throw new Error("the one-statement sale did not move its stock");
    });
    return result(connections, t);
  } finally {
    for (const c of clients) c.release();
    await pool.end();
  }
}

/**
 * The same statement in-process on PGlite (one connection: PGlite runs one query at a time), in a
 * data directory as the embedded server keeps its data, as the app's role.
 */
export async function pgliteLimit(dataDir: string, seconds: number): Promise<RawResult> {
  const database = await openDatabase({ dataDir });
  const pglite = database.pglite;
  if (!pglite) throw new Error("not the embedded database");
  try {
    await pglite.exec("RESET ROLE");
    const seeded = await pglite.query<{ business_id: string; location_id: string; user_id: string }>(
      `with b as (insert into businesses (name, currency, time_zone) values ('Limit shop', 'KES', 'Africa/Nairobi') returning id),
            l as (insert into locations (business_id, name) select id, 'Main shop' from b returning id, business_id),
            u as (insert into users (business_id, name, role, login, password_hash)
                  select id, 'Staff', 'staff', 'limit-staff@bench.example', 'x' from b returning id)
       select l.business_id, l.id as location_id, u.id as user_id from l, u`,
    );
    const row = seeded.rows[0];
    if (!row) throw new Error("could not seed the limit shop");
    const products = await pglite.query<{ id: string }>(
      `insert into products (business_id, name, price, cost)
       select $1, 'Limit product ' || g, 100 + g * 5, 60 + g * 3 from generate_series(1, 30) g returning id`,
      [row.business_id],
    );
    await pglite.query(
      `insert into stock_levels (business_id, product_id, location_id, quantity)
       select $1, id, $2, 10000000 from products where business_id = $1`,
      [row.business_id, row.location_id],
    );
    await pglite.exec("SET ROLE duka_app");
    await pglite.query("select set_config('app.business_id', $1, false)", [row.business_id]);
    const target: LimitTarget = {
      businessId: row.business_id,
      locationId: row.location_id,
      userId: row.user_id,
      productIds: products.rows.map((p) => p.id),
    };
    // Warm the plan cache as a prepared statement would be.
    for (let i = 0; i < 50; i++) await pglite.query(ONE_STATEMENT_SALE, saleParams(target));
    const t = await timed(1, seconds, async () => {
      const r = await pglite.query<{ moved: number }>(ONE_STATEMENT_SALE, saleParams(target));
      if (Number(r.rows[0]?.moved) !== 3) throw new Error("the one-statement sale did not move its stock");
    });
    return result(1, t);
  } finally {
    await database.close();
  }
}
