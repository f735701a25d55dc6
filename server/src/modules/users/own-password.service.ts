import type { ChangePasswordBody } from "@duka/contracts";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { audit } from "../audit/audit.service.js";
import { forgetOldAttempts, reserveAttempt, wrongPassword } from "../auth/lockout.js";
import { assertStrongPassword, hashPassword, verifyPassword } from "../auth/passwords.js";
import { revokeUserSessions } from "../auth/sessions.service.js";

type Change = z.output<typeof ChangePasswordBody>;

/**
 * Anyone signed in changes their own password, proving they know the current one. Other sessions
 * end (a lost phone stops working); this one stays. Wrong guesses count like failed sign-ins, so a
 * borrowed open session cannot be used to try passwords without limit.
 */
export async function changeOwnPassword(db: Db, ctx: Ctx, input: Change, meta: RequestMeta): Promise<void> {
  const attempt = await reserveAttempt(db, { always: [`password:${ctx.userId}`] }, meta.now);
  const user = await inBusiness(db, ctx.businessId, async (tx) => {
    const [row] = await tx
      .select({ login: users.login, passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.businessId, ctx.businessId), eq(users.id, ctx.userId)));
    return row;
  });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await forgetOldAttempts(db, meta.now);
    throw wrongPassword(
      {
        code: "wrong_password",
        status: 400,
        message: "Your current password is not right. Please type it again.",
        fields: { currentPassword: ["is not right"] },
      },
      attempt,
    );
  }
  await attempt.succeeded();
  assertStrongPassword(input.newPassword, user.login);
  const passwordHash = await hashPassword(input.newPassword);
  await inBusiness(db, ctx.businessId, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: meta.now })
      .where(and(eq(users.businessId, ctx.businessId), eq(users.id, ctx.userId)));
    await revokeUserSessions(tx, ctx.userId, meta.now, ctx.sessionId);
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
