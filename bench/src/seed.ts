import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "../../server/src/db/client.js";
import { rebuildSalesSummary } from "../../server/src/modules/summaries/summary-writer.repository.js";

/**
 * Fills one business with `count` sales over the two years up to now, set-based in SQL as the table
 * owner (row-level security does not slow the load). Each sale has 1–4 lines and one payment; the
 * product mix is skewed (product rank ~ random()^3: the top tenth of products make about half the
 * lines); sales spread over the business's locations, staff, payment methods, and a customer on one in ten.
 */
export async function seedSales(
  url: string,
  businessId: string,
  count: number,
  opts: { extraProducts: number; customers: number },
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let summariesSeconds = 0;
  try {
    await c.query("set synchronous_commit = off");
    await c.query("begin");
    // The rows are generated consistent with each other: no foreign-key trigger per row during the
    // bulk load (they made 1,000,000 sales' lines take 19 minutes). Switched back before the
    // summaries are rebuilt, so that part is timed as a restore runs it.
    await c.query("set local session_replication_role = replica");
    await c.query(
      `insert into locations (business_id, name)
       select $1, 'Branch ' || g from generate_series(2, 3) g
       on conflict do nothing`,
      [businessId],
    );
    await c.query(
      `insert into products (business_id, name, sku, price, cost, low_stock_threshold, category)
       select $1, (array['Sugar','Rice','Maize flour','Cooking oil','Soap','Tea','Milk','Bread','Salt','Matches'])[1 + g % 10]
         || ' ' || g, 'SEED-' || g, 50 + (g * 37) % 2000, 30 + (g * 23) % 1200, 5, 'seeded'
       from generate_series(1, $2::int) g`,
      [businessId, opts.extraProducts],
    );
    await c.query(
      `insert into customers (business_id, name, phone)
       select $1, (array['Amina','Juma','Wanjiru','Otieno','Achieng','Kamau','Njeri','Mwangi','Fatuma','Baraka'])[1 + g % 10]
         || ' ' || (array['Hassan','Odhiambo','Mutua','Kariuki','Wafula','Chebet','Omondi','Akinyi'])[1 + (g / 10) % 8] || ' ' || g,
         '+2547' || lpad(g::text, 8, '0')
       from generate_series(1, $2::int) g`,
      [businessId, opts.customers],
    );
    await c.query(
      `create temp table seed_products on commit drop as
       select row_number() over (order by random()) - 1 as rank, id, name, price, cost from products where business_id = $1`,
      [businessId],
    );
    await c.query(
      `create temp table seed_sales on commit drop as
       with loc as (select array_agg(id order by created_at, id) a from locations where business_id = $1),
            usr as (select array_agg(id order by created_at, id) a from users where business_id = $1),
            cus as (select array_agg(id) a from customers where business_id = $1),
            start as (select coalesce(max(number), 0) n from sales where business_id = $1)
       select gen_random_uuid() as id, start.n + g as number,
         now() - (random() * interval '730 days') as occurred_at,
         loc.a[1 + floor(random() * cardinality(loc.a))::int] as location_id,
         usr.a[1 + floor(random() * cardinality(usr.a))::int] as user_id,
         case when random() < 0.1 then cus.a[1 + floor(random() * cardinality(cus.a))::int] end as customer_id,
         (array['cash','cash','cash','mobile_money','mobile_money','card'])[1 + floor(random() * 6)::int] as method,
         1 + floor(random() * 4)::int as lines
       from generate_series(1, $2::int) g, loc, usr, cus, start`,
      [businessId, count],
    );
    await c.query(
      `create temp table seed_lines on commit drop as
       select s.id as sale_id, l.line_no, p.id as product_id, p.name, q.qty, p.price, p.cost, q.qty * p.price as line_total
       from seed_sales s
       cross join lateral generate_series(1, s.lines) l(line_no)
       cross join lateral (select floor(power(random() + 0 * l.line_no, 3) * (select count(*) from seed_products))::int as rank,
                                  1 + floor(random() * 3)::int as qty) q
       join seed_products p on p.rank = q.rank`,
    );
    await c.query(
      `insert into sales (id, business_id, number, location_id, user_id, customer_id, occurred_at, business_date,
         subtotal, discount, total, payment_method, request_hash, created_at)
       select s.id, $1, s.number, s.location_id, s.user_id, s.customer_id, s.occurred_at,
         (s.occurred_at at time zone b.time_zone)::date, t.total, 0, t.total, s.method, 'seed', s.occurred_at
       from seed_sales s
       join (select sale_id, sum(line_total) total from seed_lines group by sale_id) t on t.sale_id = s.id
       cross join (select time_zone from businesses where id = $1) b`,
      [businessId],
    );
    // The planner must know how big sales now is before anything reads it in this transaction.
    await c.query("analyze sales");
    await c.query(
      `insert into sale_lines (business_id, sale_id, line_no, product_id, name, quantity, unit_price, line_total, unit_cost)
       select $1, sale_id, line_no, product_id, name, qty, price, line_total, cost from seed_lines`,
      [businessId],
    );
    await c.query(
      `insert into payments (business_id, kind, sale_id, customer_id, method, amount, user_id, created_at)
       select $1, 'sale', s.id, s.customer_id, s.payment_method, s.total, s.user_id, s.occurred_at
       from sales s join seed_sales x on x.id = s.id where s.business_id = $1 and s.total > 0`,
      [businessId],
    );
    await c.query(
      `update businesses set next_sale_number = (select max(number) + 1 from sales where business_id = $1) where id = $1`,
      [businessId],
    );
    // The server keeps the daily summaries as it records each sale; a bulk load recomputes them
    // (after ANALYZE, so the planner knows how big the tables it just filled are).
    await c.query("analyze sales, sale_lines, payments");
    await c.query("set local session_replication_role = origin");
    const summariesFrom = Date.now();
    await rebuildSalesSummary(drizzle({ client: c }) as unknown as Db, businessId);
    summariesSeconds = (Date.now() - summariesFrom) / 1000;
    await c.query("commit");
    await c.query("analyze");
    return { summariesSeconds };
  } catch (err) {
    await c.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
}

/** --full: other businesses, each with a location, an owner, 50 products and its share of the sales. */
export async function seedManyBusinesses(
  url: string,
  businesses: number,
  salesEach: number,
  progress: (n: number) => void,
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const ids: string[] = [];
  try {
    for (let i = 0; i < businesses; i++) {
      const b = await c.query(
        `with b as (insert into businesses (name, currency, time_zone) values ('Seeded shop ' || $1, 'KES', 'Africa/Nairobi') returning id),
              l as (insert into locations (business_id, name) select id, 'Main shop' from b returning business_id),
              u as (insert into users (business_id, name, role, login, password_hash)
                    select id, 'Owner', 'owner', 'seed-owner-' || $1 || '-' || id || '@bench.example', 'x' from b returning business_id)
         select id from b`,
        [i],
      );
      ids.push(b.rows[0].id);
    }
  } finally {
    await c.end();
  }
  let done = 0;
  for (const id of ids) {
    await seedSales(url, id, salesEach, { extraProducts: 50, customers: 50 });
    progress(++done);
  }
}
