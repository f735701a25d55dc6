import type { MovementKind } from "@duka/contracts";
import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";

/** Reading the stock ledger (stock_movements) as people read it: with product, location and user names. */

interface MovementRow {
  id: string;
  product_id: string;
  product_name: string;
  location_id: string;
  location_name: string;
  kind: MovementKind;
  quantity: string;
  level_after: string;
  reason: string | null;
  note: string | null;
  unit_cost: string | number | null;
  sale_id: string | null;
  transfer_id: string | null;
  user_id: string | null;
  user_name: string | null;
  created_at: string | Date;
}

export interface MovementFilter {
  ids?: string[];
  productId?: string | undefined;
  /** Only these locations (null or absent: all). */
  locationIds?: string[] | null | undefined;
  /** From this calendar day's start (business time zone), or this instant. */
  from?: string | undefined;
  /** To this calendar day's end (business time zone), or this instant, included. */
  to?: string | undefined;
  timeZone?: string;
  /** Strictly older than this movement id. */
  beforeId?: string | undefined;
  limit: number;
}

const uuids = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

function filterSql(f: MovementFilter): SQL {
  const filters: SQL[] = [];
  if (f.ids) {
    filters.push(
      sql`m.id in (${sql.join(
        f.ids.map((id) => sql`${id}::bigint`),
        sql`, `,
      )})`,
    );
  }
  if (f.productId) filters.push(sql`m.product_id = ${f.productId}`);
  if (f.locationIds) filters.push(sql`m.location_id in (${uuids(f.locationIds)})`);
  const tz = f.timeZone ?? "UTC";
  if (f.from) filters.push(sql`m.created_at >= ${isDate(f.from) ? dayStart(f.from, tz, 0) : instant(f.from)}`);
  if (f.to) {
    filters.push(isDate(f.to) ? sql`m.created_at < ${dayStart(f.to, tz, 1)}` : sql`m.created_at <= ${instant(f.to)}`);
  }
  if (f.beforeId) filters.push(sql`m.id < ${f.beforeId}::bigint`);
  return filters.length ? sql.join(filters, sql` and `) : sql`true`;
}

/** Ledger rows with the names a person reads, newest first. */
export async function findMovements(tx: Tx, businessId: string, f: MovementFilter) {
  const where = filterSql(f);
  const limit = f.limit;
  const rows = await queryRows<MovementRow>(
    tx,
    sql`select m.id::text as id, m.product_id, p.name as product_name, m.location_id, l.name as location_name,
          m.kind, m.quantity::text as quantity, m.level_after::text as level_after, m.reason, m.note,
          m.unit_cost, m.sale_id, m.transfer_id, m.user_id, u.name as user_name, m.created_at
        from stock_movements m
        join products p on p.business_id = m.business_id and p.id = m.product_id
        join locations l on l.business_id = m.business_id and l.id = m.location_id
        left join users u on u.business_id = m.business_id and u.id = m.user_id
        where m.business_id = ${businessId} and ${where}
        order by m.id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    productName: r.product_name,
    locationId: r.location_id,
    locationName: r.location_name,
    kind: r.kind,
    quantity: fromMilli(parseMilli(r.quantity)),
    levelAfter: fromMilli(parseMilli(r.level_after)),
    reason: r.reason,
    note: r.note,
    unitCost: r.unit_cost === null ? null : Number(r.unit_cost),
    saleId: r.sale_id,
    transferId: r.transfer_id,
    userId: r.user_id,
    userName: r.user_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const instant = (value: string) => sql`${value}::timestamptz`;

/** The start of a calendar day (plus `days`) in the business's time zone; PostgreSQL does the zone arithmetic. */
function dayStart(date: string, timeZone: string, days: number): SQL {
  return sql`((${date}::date + ${days}::int)::timestamp at time zone ${timeZone})`;
}
