import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";

/**
 * Every query of closing the day. A drawer is one person's cash at one location on one business day
 * (docs/decisions/020-closing-the-day.md):
 * - cash sales: the cash sales of the day that still stand, read from the daily summary that the
 *   reports read (net + refunds is what those sales took, before any refund);
 * - cash refunds: refund payments in cash made that day by the person, at the sale's location;
 * - repayments: cash a customer paid that day towards what they owe. A payment has no location, so
 *   it counts at the receiver's own location, else the business's first: where a sale of theirs
 *   lands when no location is chosen.
 */

export interface DrawerScope {
  businessId: string;
  timeZone: string;
  from: string;
  to: string;
  locationId?: string | undefined;
  userId?: string | undefined;
}

export interface FigureRow {
  date: string;
  location_id: string;
  location_name: string;
  user_id: string;
  user_name: string;
  cash_sales: number;
  cash_refunds: number;
  repayments: number;
}

const uuidIs = (column: SQL, value: string | undefined) => (value ? sql`and ${column} = ${value}::uuid` : sql``);

/** The instant a business day starts, in the business's time zone. */
const dayStart = (date: SQL, timeZone: string) => sql`((${date})::timestamp at time zone ${timeZone})`;

/** Cash figures per drawer (date, location, person) over the scope, drawers with no cash movement left out. */
export async function drawerFigures(tx: Tx, s: DrawerScope): Promise<FigureRow[]> {
  const b = s.businessId;
  const since = dayStart(sql`${s.from}::date`, s.timeZone);
  const until = dayStart(sql`${s.to}::date + 1`, s.timeZone);
  const localDay = sql`(p.created_at at time zone ${s.timeZone})::date`;
  const rows = await queryRows<FigureRow>(
    tx,
    sql`with first_location as (
          select id from locations where business_id = ${b}::uuid order by created_at, id limit 1
        ), moves as (
          select d.business_date as day, d.location_id, d.user_id, (d.net + d.refunds) as cash_sales,
            0::bigint as cash_refunds, 0::bigint as repayments
          from sales_daily d
          where d.business_id = ${b}::uuid and d.payment_method = 'cash'
            and d.business_date between ${s.from}::date and ${s.to}::date
          union all
          select ${localDay}, s.location_id, p.user_id, 0, p.amount, 0
          from payments p join sales s on s.business_id = p.business_id and s.id = p.sale_id
          where p.business_id = ${b}::uuid and p.kind = 'refund' and p.method = 'cash' and s.status = 'completed'
            and p.created_at >= ${since} and p.created_at < ${until}
          union all
          select ${localDay}, coalesce(u.location_id, (select id from first_location)), p.user_id, 0, 0, p.amount
          from payments p join users u on u.business_id = p.business_id and u.id = p.user_id
          where p.business_id = ${b}::uuid and p.kind = 'repayment' and p.method = 'cash'
            and p.created_at >= ${since} and p.created_at < ${until}
        )
        select m.day::text as date, m.location_id, l.name as location_name, m.user_id, u.name as user_name,
          sum(m.cash_sales)::bigint as cash_sales, sum(m.cash_refunds)::bigint as cash_refunds,
          sum(m.repayments)::bigint as repayments
        from moves m
        join locations l on l.business_id = ${b}::uuid and l.id = m.location_id
        join users u on u.business_id = ${b}::uuid and u.id = m.user_id
        where true ${uuidIs(sql`m.location_id`, s.locationId)} ${uuidIs(sql`m.user_id`, s.userId)}
        group by m.day, m.location_id, l.name, m.user_id, u.name
        having sum(m.cash_sales) <> 0 or sum(m.cash_refunds) <> 0 or sum(m.repayments) <> 0
        order by m.day desc, l.name, u.name`,
  );
  return rows.map((r) => ({
    ...r,
    cash_sales: Number(r.cash_sales),
    cash_refunds: Number(r.cash_refunds),
    repayments: Number(r.repayments),
  }));
}

export interface CloseRow {
  id: string;
  date: string;
  location_id: string;
  location_name: string;
  user_id: string;
  user_name: string;
  closed_by: string;
  closed_by_name: string;
  closed_at: string;
  opening_float: number;
  cash_sales: number;
  cash_refunds: number;
  repayments: number;
  expected: number;
  counted: number;
  note: string | null;
  replaces_id: string | null;
  earlier_counts: number;
  superseded: boolean;
  request_hash: string;
}

function closeRows(tx: Tx, businessId: string, where: SQL): Promise<CloseRow[]> {
  const b = businessId;
  return queryRows<CloseRow>(
    tx,
    sql`select c.id, c.business_date::text as date, c.location_id, l.name as location_name, c.user_id,
          u.name as user_name, c.closed_by, cb.name as closed_by_name,
          to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as closed_at,
          c.opening_float::bigint as opening_float, c.cash_sales::bigint as cash_sales,
          c.cash_refunds::bigint as cash_refunds, c.repayments::bigint as repayments,
          c.expected::bigint as expected, c.counted::bigint as counted, c.note, c.replaces_id,
          (select count(*)::int from drawer_closes e where e.business_id = c.business_id
            and e.business_date = c.business_date and e.location_id = c.location_id and e.user_id = c.user_id
            and e.superseded_at is not null) as earlier_counts,
          c.superseded_at is not null as superseded, c.request_hash
        from drawer_closes c
        join locations l on l.business_id = c.business_id and l.id = c.location_id
        join users u on u.business_id = c.business_id and u.id = c.user_id
        join users cb on cb.business_id = c.business_id and cb.id = c.closed_by
        where c.business_id = ${b}::uuid and ${where}
        order by c.business_date desc, l.name, u.name`,
  ).then((rows) =>
    rows.map((r) => {
      for (const k of ["opening_float", "cash_sales", "cash_refunds", "repayments", "expected", "counted"] as const) {
        r[k] = Number(r[k]);
      }
      return r;
    }),
  );
}

/** The standing (not superseded) closes in the scope. */
export function standingCloses(tx: Tx, s: Omit<DrawerScope, "timeZone">): Promise<CloseRow[]> {
  return closeRows(
    tx,
    s.businessId,
    sql`c.superseded_at is null and c.business_date between ${s.from}::date and ${s.to}::date
      ${uuidIs(sql`c.location_id`, s.locationId)} ${uuidIs(sql`c.user_id`, s.userId)}`,
  );
}

/** A close by its id, standing or superseded. */
export async function closeById(tx: Tx, businessId: string, id: string): Promise<CloseRow | undefined> {
  const [row] = await closeRows(tx, businessId, sql`c.id = ${id}::uuid`);
  return row;
}

export interface NewClose {
  id: string;
  businessId: string;
  date: string;
  locationId: string;
  userId: string;
  closedBy: string;
  openingFloat: number;
  cashSales: number;
  cashRefunds: number;
  repayments: number;
  expected: number;
  counted: number;
  note: string | null;
  replacesId: string | null;
  requestHash: string;
  at: Date;
}

/**
 * Writes a close; a recount first marks the close it corrects as superseded, in the same statement,
 * so the one standing count per drawer and day (drawer_closes_current_uq) never has two rows.
 */
export async function insertClose(tx: Tx, c: NewClose): Promise<void> {
  const at = c.at.toISOString();
  const supersede = c.replacesId
    ? sql`update drawer_closes set superseded_at = ${at}::timestamptz
          where business_id = ${c.businessId}::uuid and id = ${c.replacesId}::uuid and superseded_at is null`
    : null;
  if (supersede) await tx.execute(supersede);
  await tx.execute(
    sql`insert into drawer_closes (id, business_id, business_date, location_id, user_id, closed_by, opening_float,
          cash_sales, cash_refunds, repayments, expected, counted, note, replaces_id, request_hash, created_at)
        values (${c.id}::uuid, ${c.businessId}::uuid, ${c.date}::date, ${c.locationId}::uuid, ${c.userId}::uuid,
          ${c.closedBy}::uuid, ${c.openingFloat}, ${c.cashSales}, ${c.cashRefunds}, ${c.repayments}, ${c.expected},
          ${c.counted}, ${c.note}, ${c.replacesId}::uuid, ${c.requestHash}, ${at}::timestamptz)`,
  );
}

/** Whose drawer it is: the person, if active in this business. */
export async function drawerOwner(tx: Tx, businessId: string, userId: string) {
  const [row] = await queryRows<{ id: string; name: string; location_id: string | null }>(
    tx,
    sql`select id, name, location_id from users where business_id = ${businessId}::uuid and id = ${userId}::uuid`,
  );
  return row;
}

/** The location a person's drawer is at when none is named: theirs, else the business's first. */
export async function defaultLocation(tx: Tx, businessId: string, userId: string) {
  const [row] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select l.id, l.name from locations l
        left join users u on u.business_id = l.business_id and u.id = ${userId}::uuid
        where l.business_id = ${businessId}::uuid and (u.location_id is null or l.id = u.location_id)
        order by l.created_at, l.id limit 1`,
  );
  return row;
}

/** Money customers paid towards what they owe on a day, by any method: the day summary's "credit repaid". */
export async function repaidOn(tx: Tx, s: Omit<DrawerScope, "userId">): Promise<number> {
  const since = dayStart(sql`${s.from}::date`, s.timeZone);
  const until = dayStart(sql`${s.to}::date + 1`, s.timeZone);
  const location = s.locationId
    ? sql`and coalesce(u.location_id, (select id from locations where business_id = ${s.businessId}::uuid
        order by created_at, id limit 1)) = ${s.locationId}::uuid`
    : sql``;
  const [row] = await queryRows<{ repaid: string | number }>(
    tx,
    sql`select coalesce(sum(p.amount), 0)::bigint as repaid
        from payments p join users u on u.business_id = p.business_id and u.id = p.user_id
        where p.business_id = ${s.businessId}::uuid and p.kind = 'repayment'
          and p.created_at >= ${since} and p.created_at < ${until} ${location}`,
  );
  return Number(row?.repaid ?? 0);
}
