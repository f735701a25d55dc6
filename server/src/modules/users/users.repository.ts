import type { UserItem } from "@duka/contracts";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "../../db/client.js";
import { businesses, users } from "../../db/schema.js";

/** The users table: staff and owners of a business, with their password and recovery hashes. */

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = Omit<typeof users.$inferInsert, "businessId">;
export type UserChange = Partial<Omit<NewUserRow, "id" | "createdAt">>;

export const toUserItem = (row: UserRow): UserItem => ({
  id: row.id,
  name: row.name,
  login: row.login,
  role: row.role,
  active: row.active,
  locationId: row.locationId,
  createdAt: row.createdAt.toISOString(),
});

/** The user row, locked for update when asked; null if absent. */
export async function findUserRow(tx: Tx, businessId: string, id: string, opts: { lock?: boolean } = {}) {
  const query = tx
    .select()
    .from(users)
    .where(and(eq(users.businessId, businessId), eq(users.id, id)));
  const [row] = opts.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function findUsers(tx: Tx, businessId: string): Promise<UserItem[]> {
  const rows = await tx
    .select()
    .from(users)
    .where(eq(users.businessId, businessId))
    .orderBy(asc(users.createdAt), asc(users.name));
  return rows.map(toUserItem);
}

export async function insertUser(tx: Tx, businessId: string, values: NewUserRow): Promise<UserRow> {
  const [row] = await tx
    .insert(users)
    .values({ ...values, businessId })
    .returning();
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

/** Null when there is no such user in the business. */
export async function updateUserRow(tx: Queryable, businessId: string, id: string, set: UserChange) {
  const [row] = await tx
    .update(users)
    .set(set)
    .where(and(eq(users.businessId, businessId), eq(users.id, id)))
    .returning();
  return row ?? null;
}

/** The other active owners of the business, locked: two owners demoting each other take turns. */
export function lockOtherOwners(tx: Tx, businessId: string, exceptId: string) {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.businessId, businessId), eq(users.role, "owner"), eq(users.active, true), ne(users.id, exceptId)),
    )
    .for("update");
}

/**
 * The active owner with this login (owners' logins are unique across Duka), before the business is
 * known: the login is handed to row-level security for this one transaction.
 */
export function findOwnerByLogin(db: Db, login: string) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.login', ${login}, true)`);
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.login, login), eq(users.role, "owner"), eq(users.active, true)));
    return row;
  });
}

/**
 * Every account with this login, with its shop's code, before the business is known: the login and
 * the shop code are handed to row-level security for this one transaction.
 */
export function findAccountsByLogin(db: Db, login: string, shopCode: string | undefined) {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.login', ${login}, true), set_config('app.shop_code', ${shopCode ?? ""}, true)`,
    );
    return tx
      .select({ user: users, shopCode: businesses.code })
      .from(users)
      .leftJoin(businesses, eq(businesses.id, users.businessId))
      .where(eq(users.login, login));
  });
}
