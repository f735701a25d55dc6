import { z } from "zod";
import { Id, Instant } from "./common.js";
import { CreateCustomerBody, RepaymentBody } from "./customers.js";
import { CreateSaleBody } from "./sales.js";

export const MAX_SYNC_ITEMS = 200;

/** One write a phone queued while offline, as it would have been sent online. */
export const SyncItem = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sale"), body: CreateSaleBody }),
  z.object({ kind: z.literal("customer"), body: CreateCustomerBody.extend({ id: Id }) }),
  z.object({ kind: z.literal("repayment"), customerId: Id, body: RepaymentBody.extend({ id: Id }) }),
]);
export type SyncItem = z.input<typeof SyncItem>;

export const SyncBody = z.object({
  items: z
    .array(SyncItem, { message: "must be a list of queued writes" })
    .min(1, "must have at least one write")
    .max(MAX_SYNC_ITEMS, `must have at most ${MAX_SYNC_ITEMS} writes`),
});
export type SyncBody = z.input<typeof SyncBody>;

/**
 * The answer for one write, in the order sent: 201 made, 200 already made (a replay), a 4xx
 * refused (kept on the server as needing attention), 503 not tried this time (send it again).
 */
export const SyncResult = z.object({
  id: Id,
  status: z.number().int(),
  /** For a sale, its receipt number; for a repayment, the balance after it. */
  result: z
    .object({ id: Id, number: z.number().int().optional(), balanceAfter: z.number().int().optional() })
    .optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type SyncResult = z.infer<typeof SyncResult>;
export const SyncResponse = z.object({ results: z.array(SyncResult) });
export type SyncResponse = z.infer<typeof SyncResponse>;

/** A refused write kept for staff and the owner to fix or discard. */
export const SyncAttentionItem = z.object({
  id: Id,
  kind: z.enum(["sale", "customer", "repayment"]),
  userId: Id,
  staffName: z.string(),
  /** The write exactly as the phone sent it. */
  content: z.unknown(),
  code: z.string(),
  message: z.string(),
  createdAt: Instant,
});
export type SyncAttentionItem = z.infer<typeof SyncAttentionItem>;
export const SyncAttentionList = z.object({ items: z.array(SyncAttentionItem) });
export type SyncAttentionList = z.infer<typeof SyncAttentionList>;
export const AttentionParams = z.object({ id: Id });
export const DiscardBody = z.object({
  reason: z
    .string({ message: "is required: say why this is discarded" })
    .trim()
    .min(3, "is required: say why this is discarded")
    .max(300, "must be at most 300 characters"),
});
export type DiscardBody = z.input<typeof DiscardBody>;
