import { z } from "zod";
import { Id, Instant, KeyCursor, Money, Name, OptionalText, Page, Quantity } from "./common.js";

/** "uncounted": nobody has counted, received or imported it there yet, so its level is not known. */
export const StockState = z.enum(["in", "low", "out", "uncounted"]);
export type StockState = z.infer<typeof StockState>;

/** A quantity that may not be negative: thresholds, counted stock. */
export const NonNegativeQuantity = Quantity.refine((q) => q >= 0, {
  message: "cannot be negative",
  params: { code: "negative" },
});

/** SKU or barcode: trimmed; an empty string means "none". */
const Code = z
  .string()
  .trim()
  .max(64, "must be at most 64 characters")
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional();

export const ProductFields = {
  name: Name(),
  price: Money,
  /** The price is typed at each sale; `price` is then 0. */
  priceAtSale: z.boolean().optional(),
  cost: Money.nullable().optional(),
  sku: Code,
  barcode: Code,
  category: OptionalText(60),
  unit: z.string().trim().min(1, "is required").max(20, "must be at most 20 characters").optional(),
  lowStockThreshold: NonNegativeQuantity.optional(),
};

/** Stock counted when the product is added; 0 means "counted: none here", not "not counted yet". */
export const InitialStock = z.object({ locationId: Id, quantity: NonNegativeQuantity });

/** The locations that sell the product; every active location when omitted. */
const CarriedAt = z.array(Id).max(100);

export const ProductCreateBody = z.object({
  ...ProductFields,
  initialStock: z.array(InitialStock).max(100).optional(),
  carriedAt: CarriedAt.optional(),
});
export type ProductCreateBody = z.input<typeof ProductCreateBody>;

export const LocationThreshold = z.object({ locationId: Id, lowStockThreshold: NonNegativeQuantity.nullable() });

export const ProductPatchBody = z.object({
  ...ProductFields,
  name: Name().optional(),
  price: Money.optional(),
  archived: z.boolean().optional(),
  /** Per-location overrides of the low-stock threshold; null removes the override. */
  locationThresholds: z.array(LocationThreshold).max(100).optional(),
  /** Exactly the locations that carry the product from now on (its stock elsewhere is kept). */
  carriedAt: CarriedAt.optional(),
});
export type ProductPatchBody = z.input<typeof ProductPatchBody>;

const BoolParam = z.enum(["true", "false"]).transform((s) => s === "true");

export const ProductListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.string().trim().max(60).optional(),
  locationId: Id.optional(),
  stock: StockState.optional(),
  sort: z.enum(["name", "stock", "updated"]).default("name"),
  archived: BoolParam.default(false),
  cursor: KeyCursor("text", "text", "id").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ProductListQuery = z.input<typeof ProductListQuery>;

export const ProductItem = z.object({
  id: Id,
  name: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  category: z.string().nullable(),
  unit: z.string(),
  price: z.number(),
  priceAtSale: z.boolean(),
  /** Only for users who may read costs (`cost.read`); absent for the others. */
  cost: z.number().nullable().optional(),
  lowStockThreshold: z.number(),
  archived: z.boolean(),
  /** At the requested location, or summed over the locations the user may see. */
  stock: z.number(),
  stockState: StockState,
  updatedAt: Instant,
});
export type ProductItem = z.infer<typeof ProductItem>;
export const ProductPage = Page(ProductItem);
export type ProductPage = z.infer<typeof ProductPage>;

export const ProductLocationStock = z.object({
  locationId: Id,
  locationName: z.string(),
  quantity: z.number(),
  /** The threshold in force here: the location's override, else the product's. */
  lowStockThreshold: z.number(),
  thresholdOverride: z.number().nullable(),
  stockState: StockState,
  carried: z.boolean(),
  counted: z.boolean(),
});

export const ProductMovement = z.object({
  id: z.string(),
  locationId: Id,
  kind: z.string(),
  quantity: z.number(),
  levelAfter: z.number(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: Instant,
});

export const ProductDetail = ProductItem.extend({
  createdAt: Instant,
  locations: z.array(ProductLocationStock),
  recentMovements: z.array(ProductMovement),
});
export type ProductDetail = z.infer<typeof ProductDetail>;
/** What a user who may not read costs sees of a product. */
export const ProductStaffItem = ProductItem.omit({ cost: true });
export const ProductStaffDetail = ProductDetail.omit({ cost: true });

export const ProductCategories = z.object({ categories: z.array(z.string()) });
