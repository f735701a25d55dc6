import type { Queryable } from "../../db/client.js";
import { auditLog } from "../../db/schema.js";

/** The audit log's table. */

export type NewAuditRow = Omit<typeof auditLog.$inferInsert, "id">;

export async function insertAuditRow(q: Queryable, row: NewAuditRow): Promise<void> {
  await q.insert(auditLog).values(row);
}
