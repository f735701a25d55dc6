import { stringify } from "csv-stringify/sync";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { safeText } from "../../lib/csv.js";
import { toDecimalString } from "../../lib/money-format.js";
import { localDate } from "../../lib/time.js";
import { wordsFor } from "../../lib/words.js";
import { type CustomerColumn, columnName } from "../imports/headers.js";
import { customersForExport } from "./customers.repository.js";

/** Every customer as CSV for the owner; total spent is counted as in the purchase history. */
export async function exportCustomersCsv(db: Db, ctx: Ctx, now: Date) {
  const rows = await inBusiness(db, ctx.businessId, (tx) => customersForExport(tx, ctx.businessId));
  const currency = ctx.business.currency;
  // Column names in the shop's language; the import knows them in every language.
  const t = wordsFor(ctx.business.locale);
  const col = (c: CustomerColumn) => columnName(t, "customers", c);
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
        col("name"),
        col("phone"),
        col("email"),
        col("address"),
        col("tags"),
        `${col("balance")} (${currency})`,
        `${col("totalSpent")} (${currency})`,
        col("lastVisit"),
      ],
    },
  );
  return { csv, filename: `customers-${localDate(now, ctx.business.timeZone)}.csv` };
}
