import { z } from "zod";
import { Id, IsoDate } from "./common.js";

export const DashboardPeriod = z.enum(["today", "week", "month", "custom"]);
export type DashboardPeriod = z.infer<typeof DashboardPeriod>;

export const DashboardQuery = z
  .object({
    period: DashboardPeriod.default("today"),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    locationId: Id.optional(),
  })
  .refine((q) => q.period !== "custom" || (q.from && q.to), {
    message: "a custom period needs from and to",
    path: ["from"],
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after to", path: ["from"] });

/** A figure for the period, the same figure for the previous equal period, and the change. */
const Figure = z.object({
  value: z.number(),
  previous: z.number(),
  change: z.number(),
  /** change / previous as a percentage with one decimal; null when the previous was 0. */
  changePercent: z.number().nullable(),
});

const Range = z.object({ from: IsoDate, to: IsoDate });

const Seller = z.object({ productId: Id, name: z.string(), quantity: z.number(), revenue: z.number().int() });
const Group = z.object({ id: z.string(), name: z.string(), salesCount: z.number().int(), netSales: z.number().int() });

export const DashboardResponse = z.object({
  period: DashboardPeriod,
  range: Range,
  previousRange: Range,
  /** The business's time zone, which every date and hour here follows. */
  timeZone: z.string(),
  /** "business" for owners; "own" for staff, whose figures are their own sales at their locations. */
  scope: z.enum(["business", "own"]),
  netSales: Figure,
  salesCount: Figure,
  averageSale: Figure,
  itemsSold: Figure,
  /**
   * Revenue minus cost over the lines whose cost is known; `coveredRevenue` is the revenue it covers.
   * Only for users who may read costs (`cost.read`).
   */
  grossMargin: Figure.extend({ coveredRevenue: z.number().int() }).optional(),
  salesOverTime: z.object({
    unit: z.enum(["hour", "day"]),
    points: z.array(z.object({ at: z.string(), netSales: z.number().int(), salesCount: z.number().int() })),
  }),
  bestSellers: z.object({ byQuantity: z.array(Seller), byRevenue: z.array(Seller) }),
  byLocation: z.array(Group).optional(),
  byStaff: z.array(Group).optional(),
  byPaymentMethod: z
    .array(z.object({ method: z.string(), salesCount: z.number().int(), netSales: z.number().int() }))
    .optional(),
  stock: z.object({
    inStock: z.number().int(),
    low: z.number().int(),
    out: z.number().int(),
    /** Carried pairs nobody has counted there yet: neither in nor out. */
    notCounted: z.number().int(),
    valueAtCost: z.number().int().optional(),
    valueAtPrice: z.number().int().optional(),
  }),
  lowStock: z.array(
    z.object({
      productId: Id,
      name: z.string(),
      locationId: Id,
      locationName: z.string(),
      quantity: z.number(),
      threshold: z.number(),
      stockState: z.enum(["low", "out"]),
    }),
  ),
  owed: z
    .object({
      totalOwed: z.number().int(),
      customers: z.number().int(),
      top: z.array(z.object({ id: Id, name: z.string(), balance: z.number().int() })),
    })
    .optional(),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

/**
 * What a staff member's dashboard holds: their own sales' figures and the stock counts, with no
 * cost, margin, money owed, or breakdown by staff, location or payment method.
 */
export const DashboardStaffView = DashboardResponse.omit({
  grossMargin: true,
  byLocation: true,
  byStaff: true,
  byPaymentMethod: true,
  owed: true,
}).extend({ stock: DashboardResponse.shape.stock.omit({ valueAtCost: true, valueAtPrice: true }) });
