import type { CreateSaleBody, SyncAttentionItem } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { badRequest, notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { sees } from "../auth/policy.js";
import { createSale } from "../sales/sales.service.js";
import { findUserRow } from "../users/users.repository.js";
import { closeAttention, findOpenAttention, openAttention } from "./sync.repository.js";

/** The writes refused on arrival that nobody has dealt with yet: staff see their own, the owner all. */
export async function listAttention(db: Db, ctx: Ctx): Promise<SyncAttentionItem[]> {
  const onlyBy = sees.allRefusedWrites(ctx) ? null : ctx.userId;
  return inBusiness(db, ctx.businessId, (tx) => openAttention(tx, ctx.businessId, onlyBy));
}

async function openItem(db: Db, ctx: Ctx, id: string) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const row = await findOpenAttention(tx, ctx.businessId, id);
    if (!row || (!sees.allRefusedWrites(ctx) && row.userId !== ctx.userId)) throw notFound("This write");
    return row;
  });
}

/** Gives up on a refused write, saying why; the audit log keeps its whole content. */
export async function discardAttention(db: Db, ctx: Ctx, id: string, reason: string, meta: RequestMeta) {
  const row = await openItem(db, ctx, id);
  await inBusiness(db, ctx.businessId, async (tx) => {
    await closeAttention(tx, ctx.businessId, [id], { userId: ctx.userId, at: meta.now, discardReason: reason });
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "sync.discarded",
      entity: row.kind,
      entityId: id,
      details: { reason, code: row.code, message: row.message, content: row.body, madeBy: row.userId },
      ip: meta.ip,
      at: meta.now,
    });
  });
}

/**
 * The owner accepts an offline sale older than staff may send: it is recorded as made by the staff
 * member who made it, at the phone's time, marked as accepted by the owner.
 */
export async function acceptAttention(db: Db, ctx: Ctx, id: string, meta: RequestMeta) {
  const row = await openItem(db, ctx, id);
  const item = row.body as { kind: string; body: z.output<typeof CreateSaleBody> };
  if (row.kind !== "sale" || row.code !== "offline_too_old") {
    throw badRequest("Only a sale refused for its age can be accepted. Fix it and send it again, or discard it.");
  }
  const author = await inBusiness(db, ctx.businessId, (tx) => findUserRow(tx, ctx.businessId, row.userId));
  const asAuthor: Ctx = { ...ctx, userId: row.userId, userName: author?.name ?? ctx.userName };
  const { sale } = await createSale(db, asAuthor, item.body, { ...meta, acceptedBy: ctx.userId });
  await inBusiness(db, ctx.businessId, (tx) =>
    closeAttention(tx, ctx.businessId, [id], { userId: ctx.userId, at: meta.now }),
  );
  return sale;
}
