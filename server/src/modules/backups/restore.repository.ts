import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { ident, type TableInfo } from "./catalog.repository.js";
import type { OwnerTx } from "./owner.repository.js";

/** The statements of a restore, through the owner's session: every table at once, past row-level security. */

/** The tables that hold at least one row. */
export async function filledTables(tx: OwnerTx, tables: TableInfo[]): Promise<string[]> {
  const filled: string[] = [];
  for (const t of tables) {
    const rows = await tx.query(`select 1 from ${ident(t.name)} limit 1`);
    if (rows.length > 0) filled.push(t.name);
  }
  return filled;
}

/** One statement for all tables: PostgreSQL orders the work itself, whatever the foreign keys. */
export async function truncateTables(tx: OwnerTx, tables: TableInfo[]) {
  await tx.query(`truncate ${tables.map((t) => ident(t.name)).join(", ")} restart identity`);
}

/** Inserts rows given as JSON lines of the table's columns. */
export async function insertJsonRows(tx: OwnerTx, table: TableInfo, lines: string[]) {
  const cols = table.columns.map(ident).join(", ");
  await tx.query(
    `insert into ${ident(table.name)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(table.name)}, $1::json)`,
    [`[${lines.join(",")}]`],
  );
}

/** Serial columns were given their values explicitly: their sequences must continue past them. */
export async function fixSequences(tx: OwnerTx, tables: string[]) {
  const serials = await tx.query<{ table: string; column: string; seq: string }>(
    `select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
  );
  for (const s of serials.filter((s) => tables.includes(s.table))) {
    await tx.query(
      `select setval($1, coalesce((select max(${ident(s.column)}) from ${ident(s.table)}), 0) + 1, false)`,
      [s.seq],
    );
  }
}

export async function businessesWithSales(tx: OwnerTx): Promise<string[]> {
  const rows = await tx.query<{ id: string }>("select distinct business_id as id from sales");
  return rows.map((r) => r.id);
}

/** Runs Drizzle statements (the summary rebuild) on the owner's session. */
export function ownerRun(tx: OwnerTx) {
  const dialect = new PgDialect();
  return (statement: SQL) => {
    const q = dialect.sqlToQuery(statement);
    return tx.query(q.sql, q.params);
  };
}
