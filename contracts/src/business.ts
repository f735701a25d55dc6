import { z } from "zod";
import { Country, TimeZone } from "./auth.js";
import { Id, Locale, Name } from "./common.js";

export const PaymentMethod = z.object({
  method: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,29}$/, "must be a short code of lower-case letters, digits or _, such as mobile_money"),
  label: z.string().trim().max(40, "must be at most 40 characters").optional(),
  hidden: z.boolean().optional(),
});

/** How the shop works; every field is filled (defaults below) when the server answers. */
export const BusinessSettings = z.object({
  allowNegativeStock: z.boolean(),
  staffMayDiscount: z.boolean(),
  maxDiscountPercent: z.number().int("must be a whole number").min(0).max(100, "must be at most 100"),
  staffMayChangePrice: z.boolean(),
  allowCreditOverLimit: z.boolean(),
  paymentMethods: z
    .array(PaymentMethod)
    .min(1, "needs at least one payment method")
    .max(20, "may have at most 20 payment methods")
    .refine((list) => new Set(list.map((p) => p.method)).size === list.length, {
      message: "cannot list the same payment method twice",
    })
    .refine((list) => list.some((p) => !p.hidden), { message: "needs at least one payment method that is not hidden" }),
});
export type BusinessSettings = z.infer<typeof BusinessSettings>;

export const DEFAULT_BUSINESS_SETTINGS: BusinessSettings = {
  allowNegativeStock: false,
  staffMayDiscount: true,
  maxDiscountPercent: 10,
  staffMayChangePrice: false,
  allowCreditOverLimit: false,
  paymentMethods: [{ method: "cash" }, { method: "mobile_money" }, { method: "card" }, { method: "credit" }],
};

export const BusinessResponse = z.object({
  id: Id,
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  country: z.string().nullable(),
  settings: BusinessSettings,
});
export type BusinessResponse = z.infer<typeof BusinessResponse>;

export const UpdateBusinessBody = z.object({
  name: Name().optional(),
  timeZone: TimeZone.optional(),
  locale: Locale.optional(),
  country: Country.nullable().optional(),
  /** Only the settings given change; a paymentMethods list replaces the old one. */
  settings: BusinessSettings.partial().optional(),
});
export type UpdateBusinessBody = z.input<typeof UpdateBusinessBody>;

/**
 * A new shop's first steps, each read from its data: products in the catalogue (added or brought in
 * from a file), a second person to sell, a first sale. The owner's dashboard shows what is left.
 */
export const FirstSteps = z.object({
  products: z.boolean(),
  staff: z.boolean(),
  sale: z.boolean(),
});
export type FirstSteps = z.infer<typeof FirstSteps>;
