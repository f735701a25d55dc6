import { z } from "zod";

/** Largest amount of money accepted, in minor units: far above any shop's sale, far below 2^53. */
export const MAX_MONEY = 1_000_000_000_000_00;
/** Largest quantity on one line or movement. */
export const MAX_QUANTITY = 1_000_000_000;

export const Id = z.uuid({ message: "must be a valid id" });
/** An amount of money as a whole number of the currency's smallest unit (cents). */
export const Money = z
  .number({ message: "must be a number" })
  .int("must be a whole number of the smallest currency unit")
  .min(0, "cannot be negative")
  .max(MAX_MONEY, "is too large");
/** A quantity with at most three decimals (weighed goods: 1.25 kg). */
export const Quantity = z
  .number({ message: "must be a number" })
  .refine((q) => Number.isFinite(q) && Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, {
    message: "may have at most 3 decimals",
  })
  .refine((q) => Math.abs(q) <= MAX_QUANTITY, { message: "is too large" });
export const PositiveQuantity = Quantity.refine((q) => q > 0, { message: "must be more than zero" });
/** A calendar date, YYYY-MM-DD, in the business's time zone. */
export const IsoDate = z.iso.date({ message: "must be a date like 2026-01-31" });
export const Instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date and time" });
export const Role = z.enum(["owner", "staff"]);
export type Role = z.infer<typeof Role>;

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Ok = z.object({ ok: z.literal(true) });

/** A text field people type: trimmed, not blank, bounded. */
export const Name = (max = 120) =>
  z.string({ message: "is required" }).trim().min(1, "is required").max(max, `must be at most ${max} characters`);
export const OptionalText = (max = 500) =>
  z.string().trim().max(max, `must be at most ${max} characters`).optional().nullable();

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
