import type { ChangePasswordBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { audit } from "../audit/audit.service.js";
import { proveCurrentPassword, setNewPassword } from "../auth/new-password.js";

type Change = z.output<typeof ChangePasswordBody>;

/**
 * Anyone signed in changes their own password, proving they know the current one. Other sessions
 * end (a lost phone stops working); this one stays.
 */
export async function changeOwnPassword(db: Db, ctx: Ctx, input: Change, meta: RequestMeta): Promise<void> {
  const { login } = await proveCurrentPassword(db, ctx, input.currentPassword, meta.now);
  await inBusiness(db, ctx.businessId, async (tx) => {
    const user = { businessId: ctx.businessId, id: ctx.userId, login };
    await setNewPassword(tx, user, input.newPassword, { now: meta.now, keepSessionId: ctx.sessionId });
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "user.password_changed",
      entity: "user",
      entityId: ctx.userId,
      ip: meta.ip,
      at: meta.now,
    });
  });
}
