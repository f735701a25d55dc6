import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { locations } from "../../db/schema.js";
import type { Ctx } from "../../lib/context.js";
import { requireLocations } from "../inventory/locations.js";

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

/** The locations a new product is carried at when the owner does not say: every active one. */
export async function defaultCarried(tx: Tx, ctx: Ctx): Promise<string[]> {
  const rows = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(sql`${locations.businessId} = ${ctx.businessId} and ${locations.active}`);
  return rows.map((r) => r.id);
}

/**
 * Makes `locationIds` carry the product (a level row, not counted yet, where there is none). With
 * `onlyThese`, every other location stops carrying it; its stock there stays on the ledger.
 */
export async function setCarried(tx: Tx, ctx: Ctx, productId: string, locationIds: string[], onlyThese: boolean) {
  await requireLocations(tx, ctx, locationIds);
  if (locationIds.length > 0) {
    await tx.execute(
      sql`insert into stock_levels (business_id, product_id, location_id, carried)
          select ${ctx.businessId}, ${productId}, id, true from unnest(${uuids(locationIds)}::uuid[]) as id
          on conflict (product_id, location_id) do update set carried = true`,
    );
  }
  if (onlyThese) {
    await tx.execute(
      sql`update stock_levels set carried = false
          where business_id = ${ctx.businessId} and product_id = ${productId} and carried
            and not (location_id = any(${uuids(locationIds)}::uuid[]))`,
    );
  }
}
