import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { safeText } from "../../lib/csv.js";
import { toDecimalString } from "../../lib/money-format.js";
import { localDate } from "../../lib/time.js";

interface ExportRow {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  tags: string[];
  balance: string | number;
  spent: string | number;
  last_visit: string | null;
}

/** Every customer as CSV for the owner; total spent is counted as in the purchase history. */
export async function exportCustomersCsv(db: Db, ctx: Ctx, now: Date) {
  const rows = await inBusiness(db, ctx.businessId, (tx) =>
    queryRows<ExportRow>(
      tx,
      sql`select c.name, c.phone, c.email, c.address, c.tags,
            coalesce(l.balance, 0)::bigint as balance,
            (coalesce(s.spent, 0) - coalesce(r.refunded, 0))::bigint as spent,
            s.last_visit::text as last_visit
          from customers c
          left join (select customer_id, sum(amount) as balance from customer_ledger
                     where business_id = ${ctx.businessId} group by customer_id) l on l.customer_id = c.id
          left join (select customer_id, sum(total) as spent, max(business_date) as last_visit from sales
                     where business_id = ${ctx.businessId} and status = 'completed' and customer_id is not null
                     group by customer_id) s on s.customer_id = c.id
          left join (select s.customer_id, sum(p.amount) as refunded from payments p
                     join sales s on s.business_id = p.business_id and s.id = p.sale_id
                     where p.business_id = ${ctx.businessId} and p.kind = 'refund' and s.status = 'completed'
                     group by s.customer_id) r on r.customer_id = c.id
          where c.business_id = ${ctx.businessId}
          order by lower(c.name), c.id`,
    ),
  );
  const currency = ctx.business.currency;
  const csv = stringify(
    rows.map((r) => [
      safeText(r.name),
      r.phone ?? "",
      safeText(r.email),
      safeText(r.address),
      safeText(r.tags.join("; ")),
      toDecimalString(Number(r.balance), currency),
      toDecimalString(Number(r.spent), currency),
      r.last_visit ?? "",
    ]),
    {
      header: true,
      columns: [
        "name",
        "phone",
        "email",
        "address",
        "tags",
        `balance (${currency})`,
        `total spent (${currency})`,
        "last visit",
      ],
    },
  );
  return { csv, filename: `customers-${localDate(now, ctx.business.timeZone)}.csv` };
}
