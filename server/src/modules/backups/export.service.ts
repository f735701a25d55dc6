import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stringify } from "csv-stringify";
import { sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import yazl from "yazl";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import * as schema from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { safeText } from "../../lib/csv.js";
import { localDate } from "../../lib/time.js";
import { canonicalRowsSql, ident } from "./catalog.js";

/** Secrets of the sign-in machinery, not the shop's data: never exported. */
// Summaries are sums of the sales already in the export: nothing of the owner's that is not there.
const LEFT_OUT: Record<string, string[] | "all"> = {
  sessions: "all",
  users: ["password_hash"],
  sales_daily: "all",
  product_sales_daily: "all",
};

const README = `Your Duka data: one CSV file per table, only your business's rows.
Money is in the smallest unit of your currency (cents): 15050 means 150.50.
Quantities have up to 3 decimals. Dates and times are in UTC (ISO 8601).
`;

/** Each business table with the columns an owner gets, from the schema itself. */
function exportTables(): { name: string; columns: string[] }[] {
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

const cell = (v: unknown) =>
  v === null || v === undefined
    ? ""
    : typeof v === "string"
      ? safeText(v)
      : typeof v === "object"
        ? JSON.stringify(v)
        : String(v);

/**
 * The owner's whole business as a zip of CSV files. It is written to a temporary file first, so
 * the database transaction lasts as long as the disk needs, not as long as a slow phone's download
 * (on the embedded database an open transaction holds up every other request). The caller streams
 * the file and removes it.
 */
export async function writeBusinessExport(db: Db, ctx: Ctx, now: Date): Promise<{ file: string; filename: string }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "duka-export-"));
  const file = path.join(dir, "export.zip");
  try {
    const zip = new yazl.ZipFile();
    const written = fs.createWriteStream(file, { mode: 0o600 });
    zip.outputStream.pipe(written);
    zip.addBuffer(Buffer.from(README), "README.txt", { mtime: now });
    await inBusiness(db, ctx.businessId, async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      for (const table of exportTables()) await addTable(tx, zip, table, now);
    });
    zip.end();
    await once(written, "finish");
    return { file, filename: `duka-export-${localDate(now, ctx.business.timeZone)}.zip` };
  } catch (err) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw err;
  }
}

async function addTable(tx: Tx, zip: yazl.ZipFile, t: { name: string; columns: string[] }, now: Date) {
  const csv = stringify({ header: true, columns: t.columns });
  zip.addReadStream(csv, `${t.name}.csv`, { mtime: now });
  const owner = t.name === "businesses" ? "id" : "business_id";
  const orderBy = t.columns.includes("id") ? ["id"] : [owner];
  // Scoped twice over: this filter on the business inBusiness set, and row-level security under it.
  const query = canonicalRowsSql(t.name, t.columns, orderBy, `${ident(owner)} = app_business_id()`);
  await tx.execute(sql.raw(`declare duka_export no scroll cursor for ${query}`));
  for (;;) {
    const rows = await queryRows<{ line: string }>(tx, sql.raw("fetch 1000 from duka_export"));
    for (const { line } of rows) {
      const row = JSON.parse(line) as Record<string, unknown>;
      if (!csv.write(t.columns.map((c) => cell(row[c])))) await once(csv, "drain");
    }
    if (rows.length < 1000) break;
  }
  await tx.execute(sql.raw("close duka_export"));
  csv.end();
}
