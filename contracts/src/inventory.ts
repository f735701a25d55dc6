import { z } from "zod";
import { Id, Instant, IsoDate, Money, OptionalText, Page, PositiveQuantity, Quantity, SerialCursor } from "./common.js";
import { NonNegativeQuantity, StockState } from "./products.js";

export const ADJUST_REASONS = [
  "count_correction",
  "damaged",
  "expired",
  "lost",
  "stolen",
  "returned",
  "other",
] as const;
export const AdjustReason = z.enum(ADJUST_REASONS, { message: `must be one of ${ADJUST_REASONS.join(", ")}` });

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
export const MovementKind = z.enum(MOVEMENT_KINDS);
export type MovementKind = z.infer<typeof MovementKind>;

const base = { productId: Id, locationId: Id, note: OptionalText(500) };
const NonZeroQuantity = Quantity.refine((q) => q !== 0, { message: "cannot be zero" });

export const StockMovementBody = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...base, kind: z.literal("receive"), quantity: PositiveQuantity, unitCost: Money.optional() }),
    z.object({ ...base, kind: z.literal("adjust"), quantity: NonZeroQuantity, reason: AdjustReason }),
    z.object({ ...base, kind: z.literal("transfer"), quantity: PositiveQuantity, toLocationId: Id }),
  ],
  { message: 'must be "receive", "adjust" or "transfer"' },
);
export type StockMovementBody = z.input<typeof StockMovementBody>;

export const StockMovement = z.object({
  id: z.string(),
  productId: Id,
  productName: z.string(),
  locationId: Id,
  locationName: z.string(),
  kind: MovementKind,
  quantity: z.number(),
  levelAfter: z.number(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  /** Only for users who may read costs (`cost.read`); absent for the others. */
  unitCost: z.number().nullable().optional(),
  saleId: Id.nullable(),
  transferId: Id.nullable(),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  createdAt: Instant,
});
export type StockMovement = z.infer<typeof StockMovement>;
export const StockMovementStaffView = StockMovement.omit({ unitCost: true });

/** A product and location whose level went from above its threshold to at or below it. */
export const LowStockCrossing = z.object({
  productId: Id,
  locationId: Id,
  level: z.number(),
  threshold: z.number(),
});

export const StockMovementResult = z.object({
  movements: z.array(StockMovement),
  lowStock: z.array(LowStockCrossing),
});

/** from/to: a date (the business's calendar day) or an instant; `to` as a date includes that day. */
const DateOrInstant = z.union([IsoDate, Instant], { message: "must be a date like 2026-01-31 or an ISO instant" });

export const StockMovementQuery = z.object({
  productId: Id.optional(),
  locationId: Id.optional(),
  from: DateOrInstant.optional(),
  to: DateOrInstant.optional(),
  cursor: SerialCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const StockMovementPage = Page(StockMovement);

export const StockCountStatus = z.enum(["open", "applied", "cancelled"]);
export const StockCountCreateBody = z.object({ locationId: Id, note: OptionalText(500) });
export const StockCountLinesBody = z.object({
  lines: z
    .array(z.object({ productId: Id, counted: NonNegativeQuantity }))
    .min(1, "must have at least one line")
    .max(1000, "must have at most 1000 lines"),
});
export type StockCountLinesBody = z.input<typeof StockCountLinesBody>;

export const StockCountSummary = z.object({
  id: Id,
  locationId: Id,
  locationName: z.string(),
  status: StockCountStatus,
  note: z.string().nullable(),
  lineCount: z.number().int(),
  createdAt: Instant,
  appliedAt: Instant.nullable(),
});
export const StockCountLine = z.object({
  productId: Id,
  productName: z.string(),
  unit: z.string(),
  counted: z.number(),
  /** The level now (or, once applied, the level the count corrected). */
  expected: z.number(),
  difference: z.number(),
  countedAt: Instant,
});
export const StockCountDetail = StockCountSummary.extend({ lines: z.array(StockCountLine) });
export const StockCountList = z.object({ items: z.array(StockCountSummary) });
export const StockCountListQuery = z.object({ locationId: Id.optional(), status: StockCountStatus.optional() });

export const LowStockQuery = z.object({ locationId: Id.optional() });
export const LowStockItem = z.object({
  productId: Id,
  name: z.string(),
  sku: z.string().nullable(),
  unit: z.string(),
  locationId: Id,
  locationName: z.string(),
  quantity: z.number(),
  threshold: z.number(),
  stockState: StockState.extract(["low", "out"]),
});
export const LowStockList = z.object({ items: z.array(LowStockItem) });

/** A product at a location whose stock needs the owner: not counted yet, or sold below zero. */
export const AttentionItem = z.object({
  productId: Id,
  name: z.string(),
  sku: z.string().nullable(),
  unit: z.string(),
  locationId: Id,
  locationName: z.string(),
  quantity: z.number(),
});
export const StockAttention = z.object({
  /** Carried, and nobody has counted, received or imported it there yet: "count me". */
  notCounted: z.array(AttentionItem),
  /** The level is below zero (sold before counting, or with negative stock allowed). */
  belowZero: z.array(AttentionItem),
});
export type StockAttention = z.infer<typeof StockAttention>;
export const LowStockCount = z.object({ low: z.number().int(), out: z.number().int(), total: z.number().int() });
