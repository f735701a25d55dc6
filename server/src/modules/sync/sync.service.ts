import type { SyncBody, SyncResult } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { AppError, forbidden } from "../../lib/errors.js";
import { can, type Permission } from "../auth/permissions.js";
import { createCustomer } from "../customers/customers.service.js";
import { recordRepayment } from "../customers/payments.service.js";
import { createSale } from "../sales/sales.service.js";
import { closeAttention, keepAttention } from "./sync.repository.js";

type Item = z.output<typeof SyncBody>["items"][number];

const PERMISSION: Record<Item["kind"], Permission> = {
  sale: "sales.create",
  customer: "customers.create",
  repayment: "customers.payments",
};

/** One queued write, through the same service an online request uses (idempotent per client id). */
async function apply(db: Db, ctx: Ctx, item: Item, meta: RequestMeta): Promise<SyncResult> {
  if (!can(ctx.role, PERMISSION[item.kind])) throw forbidden();
  switch (item.kind) {
    case "sale": {
      const { sale, replay } = await createSale(db, ctx, item.body, meta);
      return { id: item.body.id, status: replay ? 200 : 201, result: { id: sale.id, number: sale.number } };
    }
    case "customer": {
      const { replay, id } = await createCustomer(db, ctx, item.body);
      return { id: item.body.id, status: replay ? 200 : 201, result: { id } };
    }
    case "repayment": {
      const { payment, replay } = await recordRepayment(db, ctx, item.customerId, { ...item.body, now: meta.now });
      return {
        id: item.body.id,
        status: replay ? 200 : 201,
        result: { id: payment.id, balanceAfter: payment.balanceAfter },
      };
    }
  }
}

/**
 * Applies a phone's queue in the order it was made, each write in its own transaction, and answers
 * for each. A refusal (4xx) is kept as needing attention with the write's full content, so it
 * shows to staff and the owner wherever they sign in. An unexpected failure stops the batch: the
 * writes not tried answer 503 and the phone sends them again (replays are harmless).
 */
export async function syncWrites(
  db: Db,
  ctx: Ctx,
  items: Item[],
  meta: RequestMeta,
  onBug: (err: unknown) => void,
): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const item of items) {
    const id = item.body.id;
    if (results.some((r) => r.status >= 500)) {
      results.push({ id, status: 503, error: { code: "not_tried", message: "Not tried yet: it is sent again." } });
      continue;
    }
    try {
      results.push(await apply(db, ctx, item, meta));
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        await keep(db, ctx, item, err, meta.now);
        results.push({ id, status: err.status, error: { code: err.code, message: err.message } });
      } else {
        onBug(err);
        results.push({ id, status: 503, error: { code: "not_tried", message: "Not recorded yet: it is sent again." } });
      }
    }
  }
  // A write once refused and now accepted ("fix and send again") leaves the attention list.
  const done = results.filter((r) => r.status < 300).map((r) => r.id);
  if (done.length > 0) {
    await inBusiness(db, ctx.businessId, (tx) =>
      closeAttention(tx, ctx.businessId, done, { userId: ctx.userId, at: meta.now, openOnly: true }),
    );
  }
  return results;
}

async function keep(db: Db, ctx: Ctx, item: Item, err: AppError, now: Date) {
  await inBusiness(db, ctx.businessId, (tx) =>
    keepAttention(tx, ctx.businessId, {
      clientId: item.body.id,
      userId: ctx.userId,
      kind: item.kind,
      body: item,
      code: err.code,
      message: err.message,
      at: now,
    }),
  );
}
