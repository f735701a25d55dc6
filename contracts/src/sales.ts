import { z } from "zod";
import { Id, Instant, IsoDate, KeyCursor, Money, OptionalText, Page, PositiveQuantity } from "./common.js";

/** The methods every business has; settings.paymentMethods may rename or hide them, or add its own. */
export const BUILT_IN_PAYMENT_METHODS = ["cash", "mobile_money", "card", "bank_transfer", "credit"] as const;

export const MAX_SALE_LINES = 500;
/**
 * Most of one product on a sale line: far above a shop's biggest sale, low enough that a slipped
 * finger (99,999,999) is refused with a clear word rather than recorded (stock movements keep
 * MAX_QUANTITY: a warehouse receives more). The till checks the same number (web sell/cart.ts).
 */
export const MAX_LINE_QUANTITY = 100_000;

const MethodCode = z
  .string({ message: "is required" })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be a payment method such as cash or mobile_money");

/** Longest transaction code kept: M-Pesa's are 10 characters, other networks' up to about 20. */
export const MAX_REFERENCE = 30;
/**
 * The mobile-money transaction code the customer's phone shows (M-Pesa: "QGH71ABC2D"): letters and
 * digits, spaces and dashes typed between groups dropped, kept in capitals so a search finds it
 * however it is typed.
 */
export const PaymentReference = z
  .string({ message: "must be text" })
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .pipe(
    z
      .string()
      .min(4, "must have at least 4 characters")
      .max(MAX_REFERENCE, `must have at most ${MAX_REFERENCE} characters`)
      .refine((s) => /^[A-Z0-9]*$/.test(s), {
        message: "may have only letters and digits",
        params: { code: "letters_digits" },
      }),
  );

export const SaleLineInput = z.object({
  productId: Id,
  quantity: PositiveQuantity.max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`),
  /** Defaults to the product's price; a different price needs the owner's permission. */
  unitPrice: Money.optional(),
  /** Taken off this line, in minor units. */
  discount: Money.optional(),
});

/**
 * A sale the phone recorded while offline: when it was made there, and the provisional receipt
 * number the customer was given (device code and counter, e.g. "K7Q-12").
 */
export const OfflineSale = z.object({
  recordedAt: Instant,
  provisional: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,8}-\d{1,9}$/, "must be a device code and a number, such as K7Q-12"),
});

/** What the server noted about an offline sale, for the owner to check. */
export const OfflineMark = OfflineSale.extend({
  /** The customer went past their credit limit: accepted, because the goods had left. */
  overLimit: z.boolean(),
  /** A line's price differs from the product's price when the sale arrived (the phone's is kept). */
  priceChanged: z.boolean(),
  /** Older than staff may send: the owner accepted it. */
  acceptedBy: Id.nullable(),
});

/** Client-sent totals are not part of the contract: the server computes every amount. */
export const CreateSaleBody = z.object({
  id: Id,
  lines: z
    .array(SaleLineInput, { message: "must be a list of lines" })
    .min(1, "must have at least one line")
    .max(MAX_SALE_LINES, `must have at most ${MAX_SALE_LINES} lines`),
  payment: z.object({
    method: MethodCode,
    amountTendered: Money.optional(),
    /** The mobile-money transaction code, if the cashier typed it. */
    reference: PaymentReference.optional().nullable(),
  }),
  customerId: Id.optional().nullable(),
  locationId: Id.optional(),
  /** Taken off the whole sale, in minor units. */
  discount: Money.optional(),
  note: OptionalText(500),
  /** Owner only: the time of a sale copied from paper records. */
  occurredAt: Instant.optional(),
  /** Owner only: record a credit sale past the customer's limit. */
  allowOverLimit: z.boolean().optional(),
  /** Recorded on a phone without network and sent later (see OfflineSale). */
  offline: OfflineSale.optional(),
});
export type CreateSaleBody = z.input<typeof CreateSaleBody>;

export const SaleStatus = z.enum(["completed", "voided"]);
/** `refund`: a refund receipt brought in from another system, money back on its own day (decision 021). */
export const SaleKind = z.enum(["sale", "refund"]);

export const SaleLine = z.object({
  lineNo: z.number().int(),
  productId: Id,
  name: z.string(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  discount: z.number().int(),
  lineTotal: z.number().int(),
  refundedQuantity: z.number(),
});

export const Sale = z.object({
  id: Id,
  number: z.number().int(),
  occurredAt: Instant,
  businessDate: IsoDate,
  backdated: z.boolean(),
  /** Recorded on a phone while offline; null for a sale made online. */
  offline: OfflineMark.nullable(),
  locationId: Id,
  userId: Id,
  customerId: Id.nullable(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  total: z.number().int(),
  amountTendered: z.number().int().nullable(),
  change: z.number().int().nullable(),
  payment: z.object({ method: z.string(), label: z.string(), reference: z.string().nullable() }),
  status: SaleStatus,
  note: z.string().nullable(),
  refunded: z.number().int(),
  voidedAt: Instant.nullable(),
  voidReason: z.string().nullable(),
  kind: SaleKind,
  /** Brought in from another system's file: it cannot be voided or refunded in Duka. */
  imported: z.boolean(),
  /** The receipt number in the system it came from. */
  externalRef: z.string().nullable(),
  lines: z.array(SaleLine),
  /** Names for the receipt, as they are now. */
  receipt: z.object({
    businessName: z.string(),
    locationName: z.string(),
    staffName: z.string(),
    customerName: z.string().nullable(),
    /** The customer's phone, international form (+254…), for sending the receipt to them. */
    customerPhone: z.string().nullable(),
    currency: z.string(),
    timeZone: z.string(),
  }),
});
export type Sale = z.infer<typeof Sale>;

export const SaleIdParams = z.object({ id: Id });

export const SaleListQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  locationId: Id.optional(),
  userId: Id.optional(),
  customerId: Id.optional(),
  paymentMethod: MethodCode.optional(),
  status: SaleStatus.optional(),
  /** A receipt number, or a transaction code or its first characters. */
  q: z.string().trim().max(MAX_REFERENCE, `must be at most ${MAX_REFERENCE} characters`).optional(),
  cursor: KeyCursor("instant", "id").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const SaleSummary = Sale.pick({
  id: true,
  number: true,
  occurredAt: true,
  businessDate: true,
  locationId: true,
  userId: true,
  customerId: true,
  subtotal: true,
  discount: true,
  total: true,
  status: true,
  refunded: true,
  kind: true,
  imported: true,
}).extend({
  /** A refund receipt's subtotal, discount and total are negative here: money that went back. */
  paymentMethod: z.string(),
  paymentReference: z.string().nullable(),
  /** The provisional receipt number of a sale recorded offline, else null. */
  provisional: z.string().nullable(),
  /** Recorded offline past the customer's credit limit: for the owner to check. */
  overLimit: z.boolean(),
  lineCount: z.number().int(),
  locationName: z.string(),
  staffName: z.string(),
  customerName: z.string().nullable(),
});
export const SaleList = Page(SaleSummary);
export type SaleList = z.infer<typeof SaleList>;

export const VoidSaleBody = z.object({ reason: z.string().trim().min(1, "is required").max(300) });

export const RefundBody = z.object({
  /** Made by the client so a retried refund finds the one it already made. */
  id: Id,
  lines: z
    .array(z.object({ lineNo: z.number().int().min(1), quantity: PositiveQuantity }))
    .min(1, "must have at least one line")
    .max(MAX_SALE_LINES),
  reason: z.string().trim().min(1, "is required").max(300),
  /** Put the goods back on the shelf (default); false for damaged goods. */
  restock: z.boolean().default(true),
});
export type RefundBody = z.input<typeof RefundBody>;

export const RefundResponse = z.object({ id: Id, saleId: Id, amount: z.number().int(), sale: Sale });
