import { z } from "zod";
import { Id, IsoDate, KeyCursor, Money, Name, OptionalText, Page } from "./common.js";
import { SaleKind, SaleLine } from "./sales.js";

/**
 * Write bodies refuse unknown fields instead of dropping them: a misspelt "credit_limit" silently
 * ignored would leave an owner believing a limit is set.
 */
const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `has fields this request does not take: ${issue.keys.join(", ")}`
        : undefined,
  });

/** As typed by a person; the server normalises it to E.164 with the business's country. */
const PhoneInput = z
  .string()
  .trim()
  .max(30, "must be at most 30 characters")
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional();
const Email = z
  .string()
  .trim()
  .max(254, "must be at most 254 characters")
  .transform((s) => (s === "" ? null : s.toLowerCase()))
  .pipe(z.email({ message: "must be an email address such as name@example.com" }).nullable())
  .nullable()
  .optional();
const Tags = z
  .array(Name(40), { message: "must be a list of words" })
  .max(20, "can have at most 20 tags")
  .transform((tags) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()]);

export const CreateCustomerBody = strict({
  /** Made by the client (a phone offline, a retried request): the same id again answers the first customer. */
  id: Id.optional(),
  name: Name(),
  phone: PhoneInput,
  email: Email,
  address: OptionalText(300),
  notes: OptionalText(2000),
  tags: Tags.optional(),
  creditLimit: Money.nullable().optional(),
});
export type CreateCustomerBody = z.input<typeof CreateCustomerBody>;

export const UpdateCustomerBody = strict({
  name: Name().optional(),
  phone: PhoneInput,
  email: Email,
  address: OptionalText(300),
  notes: OptionalText(2000),
  tags: Tags.optional(),
  creditLimit: Money.nullable().optional(),
  archived: z.boolean().optional(),
});
export type UpdateCustomerBody = z.input<typeof UpdateCustomerBody>;

export const CustomerIdParams = z.object({ id: Id });

const BoolParam = z.enum(["true", "false"]).transform((v) => v === "true");
export const CustomerListQuery = z.object({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  owing: BoolParam.optional(),
  /** false (default): active customers; true: archived only; "all": both. */
  archived: z.enum(["true", "false", "all"]).default("false"),
  cursor: KeyCursor("text", "id").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const CustomerListItem = z.object({
  id: Id,
  name: z.string(),
  phone: z.string().nullable(),
  balance: z.number().int(),
  /** The most the customer may owe; null for no limit. Staff see it: the till warns before going past it. */
  creditLimit: z.number().int().nullable(),
  archived: z.boolean(),
});
export const CustomerListResponse = Page(CustomerListItem);
export type CustomerListResponse = z.infer<typeof CustomerListResponse>;

/** What staff may see of a customer: who they are, what they owe and may owe. */
export const CustomerStaffView = CustomerListItem.extend({
  lastVisitAt: z.string().nullable(),
});
/** Owner-only fields: contact details, notes, tags. */
const OwnerOnly = z.object({
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CustomerOwnerView = CustomerStaffView.extend(OwnerOnly.shape);
/** The response schema admits both views; the route picks one by role so no field leaks. */
export const CustomerDetail = CustomerStaffView.extend(OwnerOnly.partial().shape);
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const CursorQuery = z.object({
  cursor: KeyCursor("instant", "id").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const CustomerSale = z.object({
  id: Id,
  number: z.number().int(),
  occurredAt: z.string(),
  businessDate: IsoDate,
  status: z.enum(["completed", "voided"]),
  /** A refund receipt's amounts are negative: money that went back. */
  kind: SaleKind,
  paymentMethod: z.string(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  total: z.number().int(),
  lines: z.array(SaleLine),
});
export const CustomerSalesSummary = z.object({
  totalSpent: z.number().int(),
  salesCount: z.number().int(),
  visits: z.number().int(),
  firstVisit: IsoDate.nullable(),
  lastVisit: IsoDate.nullable(),
  months: z.array(z.object({ month: z.string(), salesCount: z.number().int(), total: z.number().int() })),
  favouriteProducts: z.array(z.object({ productId: Id, name: z.string(), quantity: z.number() })),
});
export const CustomerSalesResponse = Page(CustomerSale).extend({ summary: CustomerSalesSummary });
export type CustomerSalesResponse = z.infer<typeof CustomerSalesResponse>;

const PositiveMoney = Money.refine((n) => n > 0, {
  message: "must be more than zero",
  params: { code: "not_positive" },
});

export const RepaymentBody = strict({
  /** Made by the client so a retried request finds the payment it already made. */
  id: Id.optional(),
  amount: PositiveMoney,
  method: z
    .string({ message: "is required" })
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be a payment method such as cash or mobile_money"),
  note: OptionalText(300),
  /** Owner only: record what is paid beyond the balance as money the shop holds for the customer. */
  asAdvance: z.boolean().optional(),
});
export type RepaymentBody = z.input<typeof RepaymentBody>;

export const RepaymentResponse = z.object({
  id: Id,
  customerId: Id,
  amount: z.number().int(),
  method: z.string(),
  createdAt: z.string(),
  /** The customer's balance right after this payment. */
  balanceAfter: z.number().int(),
});

export const LedgerEntry = z.object({
  id: z.number().int(),
  kind: z.enum(["credit_sale", "repayment", "void", "refund", "advance", "opening"]),
  amount: z.number().int(),
  balance: z.number().int(),
  at: z.string(),
  date: IsoDate,
  saleId: Id.nullable(),
  paymentId: Id.nullable(),
  note: z.string().nullable(),
});
export const LedgerResponse = z.object({
  customer: z.object({ id: Id, name: z.string(), phone: z.string().nullable() }),
  entries: z.array(LedgerEntry),
  balance: z.number().int(),
  /** A plain-text statement to share through WhatsApp or SMS. */
  text: z.string(),
});
export type LedgerResponse = z.infer<typeof LedgerResponse>;

export const OwingResponse = z.object({
  items: z.array(
    z.object({
      id: Id,
      name: z.string(),
      phone: z.string().nullable(),
      balance: z.number().int(),
      /** When the oldest debt not yet paid off was taken (payments clear the oldest debt first). */
      owingSince: z.string(),
    }),
  ),
  count: z.number().int(),
  totalOwed: z.number().int(),
});
export type OwingResponse = z.infer<typeof OwingResponse>;
