/**
 * Times seeding alone, without the rest of the bench (to size a standard or --full run first):
 *   tsx --conditions=source src/seed-probe.ts <sales> [--many <businesses>:<salesEach>] [--keep]
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { runMigrations } from "../../server/src/db/migrate.js";
import { createDatabase, dropDatabase } from "./db.js";
import { seedManyBusinesses, seedSales } from "./seed.js";
import { log } from "./util.js";

const args = process.argv.slice(2);
const count = Number(args[0] ?? 100_000);
const many = args.includes("--many") ? (args[args.indexOf("--many") + 1] ?? "10:9009").split(":").map(Number) : null;
const url = await createDatabase("probe");
const c = new pg.Client({ connectionString: url });
await c.connect();
await runMigrations(drizzle({ client: c }), "postgres");
const b = await c.query(
  `with b as (insert into businesses (name, currency, time_zone) values ('Probe', 'KES', 'Africa/Nairobi') returning id),
        l as (insert into locations (business_id, name) select id, 'Main shop' from b returning business_id),
        u as (insert into users (business_id, name, role, login, password_hash)
              select id, 'User ' || g, case when g = 0 then 'owner' else 'staff' end, 'probe-' || g || '@bench.example', 'x'
              from b, generate_series(0, 8) g returning business_id)
   select id from b`,
);
await c.end();
let t = Date.now();
if (count > 0) {
  const r = await seedSales(url, b.rows[0].id, count, { extraProducts: 19_970, customers: 50_000 });
  log(`${count} sales in ${(Date.now() - t) / 1000} s: ${JSON.stringify(r.steps)}`);
}
if (many) {
  const [businesses = 10, each = 9009] = many;
  t = Date.now();
  const steps = await seedManyBusinesses(url, businesses, each, (n, s) => {
    const sec = (Date.now() - t) / 1000;
    log(`${n} businesses in ${sec} s (${Math.round((n * each) / sec)} sales/s) ${JSON.stringify(s)}`);
  });
  log(`many: ${JSON.stringify(steps)}`);
}
if (!args.includes("--keep")) await dropDatabase(url);
