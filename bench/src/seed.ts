import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "../../server/src/db/client.js";
import { rebuildSalesSummary } from "../../server/src/modules/summaries/summary-writer.repository.js";

/** Seconds spent in each step of a seed, to say where the time goes. */
export type SeedSteps = Record<string, number>;

export interface SeedOptions {
  /** Products and customers added to each business before its sales. */
  extraProducts: number;
  customers: number;
}

/**
 * Fills one business with `count` sales over the two years up to now (seedMany does the same for
 * several businesses at once). Returns how long the summary rebuild took: the code a restore runs.
 */
export async function seedSales(url: string, businessId: string, count: number, opts: SeedOptions) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const steps: SeedSteps = {};
    await seedInto(c, [businessId], count, opts, steps);
    const t = Date.now();
    await c.query("analyze");
    steps.analyze = Math.round((Date.now() - t) / 100) / 10;
    return { summariesSeconds: steps.summaries ?? 0, steps };
  } finally {
    await c.end();
  }
}

/**
 * Set-based in SQL as the table owner (row-level security does not slow the load), one transaction
 * for all of `businessIds`. Each sale has 1–4 lines and one payment; the product mix is skewed
 * (product rank ~ random()^3: the top tenth of products make about half the lines); sales spread over
 * each business's locations, staff and payment methods, with a customer on one in ten. Receipt numbers
 * follow time, as at a till, so the sales' indexes on number, day and time fill in order.
 */
async function seedInto(c: pg.Client, businessIds: string[], count: number, opts: SeedOptions, steps: SeedSteps) {
  const q = async (label: string, text: string, params?: unknown[]) => {
    const t = Date.now();
    await c.query(text, params);
    steps[label] = Math.round(((steps[label] ?? 0) + (Date.now() - t) / 1000) * 10) / 10;
  };
  // Bulk load settings for this session only: temp tables and hashes in memory, no wait on the WAL
  // flush. temp_buffers must be set before the first temp table.
  await c.query("set synchronous_commit = off");
  await c.query("set temp_buffers = '512MB'");
  await c.query("set work_mem = '256MB'");
  await c.query("begin");
  try {
    // The rows are generated consistent with each other: no foreign-key trigger per row during the
    // bulk load (they made 1,000,000 sales' lines take 19 minutes). Switched back before the
    // summaries are rebuilt, so that part runs as a restore runs it.
    await c.query("set local session_replication_role = replica");
    const ids = [businessIds];
    await q(
      "locations, products, customers",
      `insert into locations (business_id, name)
       select b, 'Branch ' || g from unnest($1::uuid[]) b, generate_series(2, 3) g
       on conflict do nothing`,
      ids,
    );
    await q(
      "locations, products, customers",
      `insert into products (business_id, name, sku, price, cost, low_stock_threshold, category)
       select b, (array['Sugar','Rice','Maize flour','Cooking oil','Soap','Tea','Milk','Bread','Salt','Matches'])[1 + g % 10]
         || ' ' || g, 'SEED-' || g, 50 + (g * 37) % 2000, 30 + (g * 23) % 1200, 5, 'seeded'
       from unnest($1::uuid[]) b, generate_series(1, $2::int) g`,
      [businessIds, opts.extraProducts],
    );
    await q(
      "locations, products, customers",
      `insert into customers (business_id, name, phone)
       select b, (array['Amina','Juma','Wanjiru','Otieno','Achieng','Kamau','Njeri','Mwangi','Fatuma','Baraka'])[1 + g % 10]
         || ' ' || (array['Hassan','Odhiambo','Mutua','Kariuki','Wafula','Chebet','Omondi','Akinyi'])[1 + (g / 10) % 8] || ' ' || g,
         '+2547' || lpad(g::text, 8, '0')
       from unnest($1::uuid[]) b, generate_series(1, $2::int) g`,
      [businessIds, opts.customers],
    );
    await q(
      "generate",
      `create temp table seed_products on commit drop as
       select business_id, row_number() over (partition by business_id order by random()) - 1 as rank, id, name, price, cost
       from products where business_id = any($1::uuid[])`,
      ids,
    );
    // Temp tables get no statistics of their own: without them the lines' join below is planned as a loop.
    await q("generate", "analyze seed_products");
    await q(
      "generate",
      `create temp table seed_businesses on commit drop as
       select b.id,
         (select array_agg(id order by created_at, id) from locations where business_id = b.id) as loc,
         (select array_agg(id order by created_at, id) from users where business_id = b.id) as usr,
         (select array_agg(id) from customers where business_id = b.id) as cus,
         (select coalesce(max(number), 0) from sales where business_id = b.id) as start,
         (select count(*) from seed_products where business_id = b.id) as products,
         (select time_zone from businesses where id = b.id) as time_zone
       from unnest($1::uuid[]) b(id)`,
      ids,
    );
    await q(
      "generate",
      `create temp table seed_sales on commit drop as
       select gen_random_uuid() as id, b.id as business_id, b.start + g as number,
         now() - interval '730 days' * ((($1::int - g) + random()) / $1::int) as occurred_at,
         b.loc[1 + floor(random() * cardinality(b.loc))::int] as location_id,
         b.usr[1 + floor(random() * cardinality(b.usr))::int] as user_id,
         case when random() < 0.1 then b.cus[1 + floor(random() * cardinality(b.cus))::int] end as customer_id,
         (array['cash','cash','cash','mobile_money','mobile_money','card'])[1 + floor(random() * 6)::int] as method,
         1 + floor(random() * 4)::int as lines, b.products, b.time_zone
       from seed_businesses b, generate_series(1, $1::int) g`,
      [count],
    );
    await q("generate", "analyze seed_sales");
    await q(
      "generate",
      `create temp table seed_lines on commit drop as
       select s.business_id, s.id as sale_id, l.line_no, p.id as product_id, p.name, q.qty, p.price, p.cost,
         q.qty * p.price as line_total
       from seed_sales s
       cross join lateral generate_series(1, s.lines) l(line_no)
       cross join lateral (select floor(power(random() + 0 * l.line_no, 3) * s.products)::int as rank,
                                  1 + floor(random() * 3)::int as qty) q
       join seed_products p on p.business_id = s.business_id and p.rank = q.rank`,
    );
    await q(
      "generate",
      `create temp table seed_totals on commit drop as
       select s.*, t.total from seed_sales s
       join (select sale_id, sum(line_total) as total from seed_lines group by sale_id) t on t.sale_id = s.id
       order by s.business_id, s.number`,
    );
    await q(
      "sales",
      `insert into sales (id, business_id, number, location_id, user_id, customer_id, occurred_at, business_date,
         subtotal, discount, total, payment_method, request_hash, created_at)
       select id, business_id, number, location_id, user_id, customer_id, occurred_at,
         (occurred_at at time zone time_zone)::date, total, 0, total, method, 'seed', occurred_at
       from seed_totals`,
    );
    await q(
      "sale lines",
      `insert into sale_lines (business_id, sale_id, line_no, product_id, name, quantity, unit_price, line_total, unit_cost)
       select business_id, sale_id, line_no, product_id, name, qty, price, line_total, cost from seed_lines`,
    );
    await q(
      "payments",
      `insert into payments (business_id, kind, sale_id, customer_id, method, amount, user_id, created_at)
       select business_id, 'sale', id, customer_id, method, total, user_id, occurred_at from seed_totals where total > 0`,
    );
    await q(
      "payments",
      `update businesses b set next_sale_number = x.next
       from (select business_id, max(number) + 1 as next from seed_totals group by 1) x where b.id = x.business_id`,
    );
    // The server keeps the daily summaries as it records each sale; a bulk load recomputes them
    // (after ANALYZE, so the planner knows how big the tables it just filled are), with the
    // session's settings back to the server's own, as a restore has them.
    await q("analyze", "analyze sales, sale_lines, payments");
    await c.query("set local session_replication_role = origin");
    await c.query("set local work_mem to default");
    const from = Date.now();
    const db = drizzle({ client: c }) as unknown as Db;
    for (const id of businessIds) await rebuildSalesSummary(db, id);
    steps.summaries = Math.round(((steps.summaries ?? 0) + (Date.now() - from) / 1000) * 10) / 10;
    await q("commit", "commit");
  } catch (err) {
    await c.query("rollback").catch(() => undefined);
    throw err;
  }
}

/**
 * --full: `businesses` more businesses, each with an owner, 3 locations, 50 products and 50
 * customers and `salesEach` sales, seeded `perBatch` businesses to a transaction on `workers`
 * connections at once (no row is shared between businesses).
 */
export async function seedManyBusinesses(
  url: string,
  businesses: number,
  salesEach: number,
  progress: (done: number, steps: SeedSteps) => void,
  { perBatch = 100, workers = 2 } = {},
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let ids: string[];
  try {
    const b = await c.query(
      `with b as (insert into businesses (name, currency, time_zone)
                  select 'Seeded shop ' || g, 'KES', 'Africa/Nairobi' from generate_series(1, $1::int) g returning id),
            l as (insert into locations (business_id, name) select id, 'Main shop' from b returning business_id),
            u as (insert into users (business_id, name, role, login, password_hash)
                  select id, 'Owner', 'owner', 'seed-owner-' || id || '@bench.example', 'x' from b returning business_id)
       select id from b`,
      [businesses],
    );
    ids = b.rows.map((r) => r.id as string);
  } finally {
    await c.end();
  }
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += perBatch) batches.push(ids.slice(i, i + perBatch));
  const steps: SeedSteps = {};
  let done = 0;
  const worker = async () => {
    const wc = new pg.Client({ connectionString: url });
    await wc.connect();
    try {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        await seedInto(wc, batch, salesEach, { extraProducts: 50, customers: 50 }, steps);
        done += batch.length;
        progress(done, steps);
      }
    } finally {
      await wc.end();
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const t = Date.now();
  const a = new pg.Client({ connectionString: url });
  await a.connect();
  await a.query("analyze").finally(() => a.end());
  steps.analyze = Math.round(((steps.analyze ?? 0) + (Date.now() - t) / 1000) * 10) / 10;
  return steps;
}
