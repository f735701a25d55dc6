import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stringify } from "csv-stringify";
import yazl from "yazl";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { safeText } from "../../lib/csv.js";
import { localDate } from "../../lib/time.js";
import { businessRows, exportInUtc, exportTables } from "./export.repository.js";

const README = `Your Duka data: one CSV file per table, only your business's rows.
Money is in the smallest unit of your currency (cents): 15050 means 150.50.
Quantities have up to 3 decimals. Dates and times are in UTC (ISO 8601).
`;

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
      await exportInUtc(tx);
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
  for await (const row of businessRows(tx, t)) {
    if (!csv.write(t.columns.map((c) => cell(row[c])))) await once(csv, "drain");
  }
  csv.end();
}
