import type { OwnerTx } from "./owner.repository.js";

/**
 * Operational records of the backups themselves: they describe objects in storage, not the shop's
 * data, and a restore must not bring back a list of backups as it was at some earlier moment.
 */
export const NOT_BACKED_UP = new Set(["backups"]);

export interface TableInfo {
  name: string;
  columns: string[];
  /** The primary key: the order rows are written and checked in (none: the rows' text, byte order). */
  orderBy: string[];
}

/** Every table in the public schema (bar NOT_BACKED_UP), parents before children. */
export async function listTables(tx: OwnerTx): Promise<TableInfo[]> {
  const cols = await tx.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const pks = await tx.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = 'public' and i.indisprimary
      order by c.relname, k.ord`,
  );
  const edges = await tx.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where f.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const tables = new Map<string, TableInfo>();
  for (const { table, column } of cols) {
    if (NOT_BACKED_UP.has(table)) continue;
    const t = tables.get(table) ?? { name: table, columns: [], orderBy: [] };
    t.columns.push(column);
    tables.set(table, t);
  }
  for (const { table, column } of pks) tables.get(table)?.orderBy.push(column);
  return dependencyOrder([...tables.values()], edges);
}

/** Parents before children (Kahn's algorithm); ties by name, so the order is stable. */
export function dependencyOrder<T extends { name: string }>(tables: T[], edges: { child: string; parent: string }[]) {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const ordered: T[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()]
      .filter((t) => !edges.some((e) => e.child === t.name && pending.has(e.parent)))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...pending.keys()].join(", ")}`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t.name);
    }
  }
  return ordered;
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One row per line as PostgreSQL writes it (row_to_json, in UTC), in key order: the canonical
 * form the checksums are taken over, the same text on PGlite and PostgreSQL. Only the listed
 * columns, so a database restored into newer code checks against the backup's own columns.
 */
export function canonicalRowsSql(table: string, columns: string[], orderBy: string[], where = "true") {
  const list = columns.map(ident).join(", ");
  // Byte order (collate "C") where text is compared, so both engines agree whatever their locale.
  const order =
    orderBy.length > 0 ? orderBy.map((c) => `x.${ident(c)}`).join(", ") : `row_to_json(x)::text collate "C"`;
  return `select row_to_json(x)::text as line from (select ${list} from ${ident(table)} where ${where}) x order by ${order}`;
}

const CURSOR = "duka_backup_rows";
const FETCH = 1000;

/** A table's canonical row lines, a batch at a time through a cursor: never the whole table in memory. */
export async function* canonicalRows(tx: OwnerTx, table: TableInfo): AsyncGenerator<string> {
  await tx.query(
    `declare ${CURSOR} no scroll cursor for ${canonicalRowsSql(table.name, table.columns, table.orderBy)}`,
  );
  try {
    for (;;) {
      const rows = await tx.query<{ line: string }>(`fetch ${FETCH} from ${CURSOR}`);
      for (const r of rows) yield r.line;
      if (rows.length < FETCH) break;
    }
  } finally {
    await tx.query(`close ${CURSOR}`);
  }
}

/** Every stored document's key, in order: a backup lists the files it needs. */
export async function documentKeys(tx: OwnerTx): Promise<string[]> {
  const rows = await tx.query<{ key: string }>("select storage_key as key from documents order by storage_key");
  return rows.map((r) => r.key);
}

/** The migrations applied to the database, in order. */
export function appliedMigrations(tx: OwnerTx) {
  return tx.query<{ hash: string; created_at: string }>(
    "select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id",
  );
}
