import {
  CustomerOwnerView,
  CustomerStaffView,
  DashboardResponse,
  DashboardStaffView,
  ProductDetail,
  ProductItem,
  ProductStaffDetail,
  ProductStaffItem,
  StockMovement,
  StockMovementStaffView,
} from "@duka/contracts";
import type { z } from "zod";
import type { Ctx } from "../../lib/context.js";
import { can, type Permission } from "./permissions.js";

/**
 * What a signed-in user may see, beyond which routes they may call (that is `permissions.ts`):
 * whose rows they read, and which view of a resource they get. The one place that decides it; services
 * and routes ask here instead of comparing roles.
 */
export const sees = {
  /** Everyone's sales; without it, only one's own. */
  allSales: (ctx: Ctx) => can(ctx.role, "sales.read.all"),
  /** What goods cost the shop. */
  cost: (ctx: Ctx) => can(ctx.role, "cost.read"),
  /** Everyone's cash drawers and their closes; without it, only one's own. */
  allDrawers: (ctx: Ctx) => can(ctx.role, "drawers.close.any"),
  /** Every phone's writes the server refused on arrival; without it, only one's own. */
  allRefusedWrites: (ctx: Ctx) => can(ctx.role, "sync.any"),
  /** Closed locations as well as open ones. */
  closedLocations: (ctx: Ctx) => can(ctx.role, "locations.manage"),
};

/** The keys that carry what goods cost the shop; no answer to a user without `cost.read` holds one. */
export const COST_KEYS = [
  "cost",
  "unitCost",
  "margin",
  "grossMargin",
  "coveredRevenue",
  "valueAtCost",
  "cogs",
  "profit",
] as const;

interface Views<Full extends z.ZodType, Limited extends z.ZodType> {
  full: Full;
  limited: Limited;
  /** Who reads the full view. */
  needs: Permission;
}
const views = <F extends z.ZodType, L extends z.ZodType>(v: Views<F, L>) => v;

/** Each resource read two ways, and the permission that picks the full view. */
const VIEWS = {
  customer: views({ full: CustomerOwnerView, limited: CustomerStaffView, needs: "customers.write" }),
  product: views({ full: ProductItem, limited: ProductStaffItem, needs: "cost.read" }),
  productDetail: views({ full: ProductDetail, limited: ProductStaffDetail, needs: "cost.read" }),
  stockMovement: views({ full: StockMovement, limited: StockMovementStaffView, needs: "cost.read" }),
  dashboard: views({ full: DashboardResponse, limited: DashboardStaffView, needs: "cost.read" }),
};
type Resource = keyof typeof VIEWS;
type Full<R extends Resource> = z.output<(typeof VIEWS)[R]["full"]>;
type Shown<R extends Resource> = Full<R> | z.output<(typeof VIEWS)[R]["limited"]>;

/** The view of `value` this user reads: parsing through the limited view drops every other field. */
export function present<R extends Resource>(ctx: Ctx, resource: R, value: Full<R>): Shown<R> {
  const v = VIEWS[resource];
  return can(ctx.role, v.needs) ? value : (v.limited.parse(value) as Shown<R>);
}

export function presentAll<R extends Resource>(ctx: Ctx, resource: R, values: Full<R>[]): Shown<R>[] {
  const v = VIEWS[resource];
  return can(ctx.role, v.needs) ? values : values.map((value) => v.limited.parse(value) as Shown<R>);
}
