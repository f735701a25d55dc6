import type { CreateLocationBody, LocationItem, UpdateLocationBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Queryable } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { AppError, conflict, notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { sees } from "../auth/policy.js";
import {
  anotherActive,
  findLocationRow,
  findLocations,
  insertLocation,
  toItem,
  updateLocationRow,
} from "./locations.repository.js";

type Create = z.output<typeof CreateLocationBody>;
type Update = z.output<typeof UpdateLocationBody>;

const nameTaken = () =>
  conflict("location_name_taken", "Another location of this business already has this name.", {
    fields: { name: ["is already used"] },
  });

/**
 * A user restricted to some locations acts only there. Other modules call this with the location a
 * request names (a sale, a stock movement) before touching it.
 */
export function assertMayActAt(ctx: Ctx, locationId: string): void {
  if (ctx.locationIds && !ctx.locationIds.includes(locationId)) {
    throw new AppError("location_not_allowed", 403, "You can only work at your own location.");
  }
}

/** A location of this business, or 404 — also for another business's id. */
export async function findLocation(tx: Queryable, businessId: string, id: string) {
  const row = await findLocationRow(tx, businessId, id);
  if (!row) throw notFound("Location");
  return row;
}

/** Owners see every location; staff see the active ones they may work at. */
export function listLocations(db: Db, ctx: Ctx): Promise<LocationItem[]> {
  const filter = { onlyIds: ctx.locationIds, activeOnly: !sees.closedLocations(ctx) };
  return inBusiness(db, ctx.businessId, (tx) => findLocations(tx, ctx.businessId, filter));
}

export async function createLocation(db: Db, ctx: Ctx, input: Create, meta: RequestMeta): Promise<LocationItem> {
  try {
    return await inBusiness(db, ctx.businessId, async (tx) => {
      const row = await insertLocation(tx, ctx.businessId, {
        name: input.name,
        address: input.address ?? null,
        createdAt: meta.now,
      });
      await audit(tx, {
        businessId: ctx.businessId,
        userId: ctx.userId,
        action: "location.created",
        entity: "location",
        entityId: row.id,
        details: { name: row.name },
        ip: meta.ip,
        at: meta.now,
      });
      return toItem(row);
    });
  } catch (err) {
    if (isUniqueViolation(err, "locations_business_name_uq")) throw nameTaken();
    throw err;
  }
}

async function assertAnotherActive(tx: Queryable, businessId: string, id: string) {
  if (!(await anotherActive(tx, businessId, id))) {
    throw conflict("last_location", "This is the only open location. Open another one before closing this one.");
  }
}

export async function updateLocation(
  db: Db,
  ctx: Ctx,
  id: string,
  input: Update,
  meta: RequestMeta,
): Promise<LocationItem> {
  try {
    return await inBusiness(db, ctx.businessId, async (tx) => {
      const before = await findLocation(tx, ctx.businessId, id);
      if (input.active === false && before.active) await assertAnotherActive(tx, ctx.businessId, id);
      if (Object.keys(input).length === 0) return toItem(before);
      const row = await updateLocationRow(tx, ctx.businessId, id, input);
      if (!row) throw notFound("Location");
      const action =
        input.active === false && before.active
          ? "location.deactivated"
          : input.active === true && !before.active
            ? "location.reactivated"
            : "location.updated";
      await audit(tx, {
        businessId: ctx.businessId,
        userId: ctx.userId,
        action,
        entity: "location",
        entityId: id,
        details: { changed: Object.keys(input) },
        ip: meta.ip,
        at: meta.now,
      });
      return toItem(row);
    });
  } catch (err) {
    if (isUniqueViolation(err, "locations_business_name_uq")) throw nameTaken();
    throw err;
  }
}
