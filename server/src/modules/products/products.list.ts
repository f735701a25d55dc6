import type { ProductListQuery } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { visibleLocations } from "../inventory/locations.js";
import { findProductPage } from "./products.list.repository.js";

/** Products with their stock at the locations the user sees (the one asked for, else all of theirs). */
export function listProducts(db: Db, ctx: Ctx, query: z.output<typeof ProductListQuery>) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, query.locationId);
    return findProductPage(tx, ctx.businessId, query, locations);
  });
}
