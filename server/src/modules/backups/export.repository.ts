import { sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { queryRows, type Tx } from "../../db/client.js";
import * as schema from "../../db/schema.js";
import { canonicalRowsSql, ident } from "./catalog.repository.js";

/** What the owner's export reads: each business table's rows, inside the business's transaction. */

/** Secrets of the sign-in machinery, not the shop's data: never exported. */
// Summaries are sums of the sales already in the export: nothing of the owner's that is not there.
const LEFT_OUT: Record<string, string[] | "all"> = {
  sessions: "all",
  users: ["password_hash"],
  sales_daily: "all",
  sales_monthly: "all",
  product_sales_daily: "all",
  product_sales_monthly: "all",
};

/** Each business table with the columns an owner gets, from the schema itself. */
export function exportTables(): { name: string; columns: string[] }[] {
  const byName = new Map<string, PgTable>();
  for (const value of Object.values(schema)) {
    if (value && typeof value === "object" && Symbol.for("drizzle:IsDrizzleTable") in value) {
      byName.set(getTableConfig(value as PgTable).name, value as PgTable);
    }
  }
  return schema.businessTables
    .filter((name) => LEFT_OUT[name] !== "all")
    .map((name) => {
      const left = LEFT_OUT[name] ?? [];
      const columns = getTableConfig(byName.get(name) as PgTable).columns.map((c) => c.name);
      return { name, columns: columns.filter((c) => !left.includes(c)) };
    });
}

/** Times in the export are written in UTC. */
export async function exportInUtc(tx: Tx) {
  await tx.execute(sql`set local timezone = 'UTC'`);
}

/** The business's rows of one table as objects, a batch at a time through a cursor. */
export async function* businessRows(tx: Tx, t: { name: string; columns: string[] }) {
  const owner = t.name === "businesses" ? "id" : "business_id";
  const orderBy = t.columns.includes("id") ? ["id"] : [owner];
  // Scoped twice over: this filter on the business inBusiness set, and row-level security under it.
  const query = canonicalRowsSql(t.name, t.columns, orderBy, `${ident(owner)} = app_business_id()`);
  await tx.execute(sql.raw(`declare duka_export no scroll cursor for ${query}`));
  for (;;) {
    const rows = await queryRows<{ line: string }>(tx, sql.raw("fetch 1000 from duka_export"));
    for (const { line } of rows) yield JSON.parse(line) as Record<string, unknown>;
    if (rows.length < 1000) break;
  }
  await tx.execute(sql.raw("close duka_export"));
}
