/** Column helpers and the allowed values of text columns, shared by every table. */
import { sql } from "drizzle-orm";
import { bigint, check, numeric, type PgColumn, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const money = (name: string) => bigint(name, { mode: "number" });
export const qty = (name: string) => numeric(name, { precision: 14, scale: 3 });

// The schema stays free of workspace imports: drizzle-kit and the test set-up load it on their own,
// before the contracts are built. These lists match the contracts' enums; the CHECKs hold them.
export const MOVEMENT_KINDS = [
  "receive",
  "adjust",
  "transfer_out",
  "transfer_in",
  "sale",
  "void",
  "refund",
  "count",
  "import",
] as const;
export const COUNT_STATUSES = ["open", "applied", "cancelled"] as const;
export const SALE_STATUSES = ["completed", "voided"] as const;
/** A refund receipt brought in from another system stands on its own day (decision 021). */
export const SALE_KINDS = ["sale", "refund"] as const;
export const PAYMENT_KINDS = ["sale", "repayment", "refund"] as const;
export const LEDGER_KINDS = ["credit_sale", "repayment", "void", "refund", "advance", "opening"] as const;
export const DOCUMENT_KINDS = ["document", "receipt"] as const;
export const SYNC_KINDS = ["sale", "customer", "repayment"] as const;
export const ATTENTION_STATUSES = ["open", "resolved", "discarded"] as const;
export const IMPORT_KINDS = ["products", "customers", "sales"] as const;
export const IMPORT_STATUSES = ["preview", "committed"] as const;

/** The database, not only the code, refuses a value outside a text column's list. */
export function oneOf(name: string, column: PgColumn, values: readonly string[]) {
  return check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`);
}
