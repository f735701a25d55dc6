import type { LocationItem } from "@duka/contracts";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { locations } from "../../db/schema.js";

/** The business's locations. `onlyIds` (null for all) is the caller's choice of which ones a user sees. */

export type LocationRow = typeof locations.$inferSelect;

export const toItem = (row: LocationRow): LocationItem => ({
  id: row.id,
  name: row.name,
  address: row.address,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
});

export async function findLocationRow(tx: Queryable, businessId: string, id: string) {
  const [row] = await tx
    .select()
    .from(locations)
    .where(and(eq(locations.businessId, businessId), eq(locations.id, id)));
  return row ?? null;
}

/** Oldest first. */
export async function findLocations(
  tx: Queryable,
  businessId: string,
  f: { onlyIds: string[] | null; activeOnly: boolean },
): Promise<LocationItem[]> {
  const rows = await tx
    .select()
    .from(locations)
    .where(
      and(
        eq(locations.businessId, businessId),
        f.activeOnly ? eq(locations.active, true) : undefined,
        f.onlyIds ? inArray(locations.id, f.onlyIds) : undefined,
      ),
    )
    .orderBy(asc(locations.createdAt), asc(locations.name));
  return rows.map(toItem);
}

/** Id and name of each location, oldest first (`onlyIds`: just these). */
export function locationNames(tx: Queryable, businessId: string, onlyIds: string[] | null) {
  return tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(and(eq(locations.businessId, businessId), onlyIds ? inArray(locations.id, onlyIds) : undefined))
    .orderBy(locations.createdAt, locations.id);
}

export async function insertLocation(
  tx: Queryable,
  businessId: string,
  v: { name: string; address: string | null; createdAt: Date },
) {
  const [row] = await tx
    .insert(locations)
    .values({ businessId, ...v })
    .returning();
  if (!row) throw new Error("location insert returned nothing");
  return row;
}

export async function updateLocationRow(
  tx: Queryable,
  businessId: string,
  id: string,
  set: { name?: string | undefined; address?: string | null | undefined; active?: boolean | undefined },
) {
  const [row] = await tx
    .update(locations)
    .set(set)
    .where(and(eq(locations.businessId, businessId), eq(locations.id, id)))
    .returning();
  return row ?? null;
}

/** Whether an open location other than `id` exists. */
export async function anotherActive(tx: Queryable, businessId: string, id: string) {
  const [other] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.businessId, businessId), eq(locations.active, true), ne(locations.id, id)))
    .limit(1);
  return other !== undefined;
}
