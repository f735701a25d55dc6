/** Closing the day: the cash counted in a drawer against what the day's figures say it should hold. */
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessId, locations } from "./business.js";
import { createdAt, money } from "./columns.js";
import { byUser } from "./users.js";

/**
 * One count of one person's drawer at one location on one business day (decision 020). The
 * expected figures are kept as they stood when the count was made, so a sale that arrives later
 * (a phone back online) shows as a change since the close instead of rewriting it. A recount
 * never overwrites: the earlier count is marked superseded and the new one names it.
 */
export const drawerCloses = pgTable(
  "drawer_closes",
  {
    /** Made by the client, so a retried close finds the one it already made. */
    id: uuid("id").notNull(),
    businessId: businessId(),
    businessDate: date("business_date", { mode: "string" }).notNull(),
    locationId: uuid("location_id").notNull(),
    /** Whose drawer: the person whose cash sales it holds. */
    userId: uuid("user_id").notNull(),
    /** Who counted it: the person, or the owner counting for them. */
    closedBy: uuid("closed_by").notNull(),
    openingFloat: money("opening_float").notNull().default(0),
    cashSales: money("cash_sales").notNull(),
    cashRefunds: money("cash_refunds").notNull(),
    repayments: money("repayments").notNull(),
    expected: money("expected").notNull(),
    counted: money("counted").notNull(),
    note: text("note"),
    /** The count this one corrects, if it is a recount. */
    replacesId: uuid("replaces_id"),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    requestHash: text("request_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    // One standing count per drawer and day; a recount supersedes the earlier one in the same transaction.
    uniqueIndex("drawer_closes_current_uq")
      .on(t.businessId, t.businessDate, t.locationId, t.userId)
      .where(sql`${t.supersededAt} is null`),
    index("drawer_closes_day_idx").on(t.businessId, t.businessDate),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
    byUser(t.businessId, t.userId),
    byUser(t.businessId, t.closedBy),
    check("drawer_closes_money_ck", sql`${t.counted} >= 0 and ${t.openingFloat} >= 0`),
  ],
);
