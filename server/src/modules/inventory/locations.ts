import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, notFound } from "../../lib/errors.js";
import { locationNames } from "../locations/locations.repository.js";

/**
 * Location access, one rule for every stock route: a location that is not this business's answers
 * 404 (as any other business's record); a location of this business that a staff member is not
 * assigned to answers 403 `location_not_allowed`, because its existence is no secret inside the
 * business (GET /locations lists it) and the person needs to know why they were refused.
 */
export const locationNotAllowed = () =>
  new AppError("location_not_allowed", 403, "You can only work with stock at the location you are assigned to.");

export function assertLocationAllowed(ctx: Ctx, locationId: string): void {
  if (ctx.locationIds && !ctx.locationIds.includes(locationId)) throw locationNotAllowed();
}

/** The named locations, checked to exist in this business (404) and to be the user's (403). */
export async function requireLocations(tx: Tx, ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await locationNames(tx, ctx.businessId, unique) : [];
  if (rows.length !== unique.length) throw notFound("Location");
  for (const id of unique) assertLocationAllowed(ctx, id);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The locations whose stock this user sees: the requested one (checked), else all of theirs. */
export async function visibleLocations(tx: Tx, ctx: Ctx, requested?: string): Promise<{ id: string; name: string }[]> {
  if (requested) {
    const names = await requireLocations(tx, ctx, [requested]);
    return [{ id: requested, name: names.get(requested) ?? "" }];
  }
  return locationNames(tx, ctx.businessId, ctx.locationIds);
}
