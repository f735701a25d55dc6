import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { findUserRow, updateUserRow } from "../users/users.repository.js";
import { forgetOldAttempts, reserveAttempt, wrongPassword } from "./lockout.js";
import { assertStrongPassword, hashPassword, verifyPassword } from "./passwords.js";
import { revokeUserSessions } from "./sessions.service.js";

/**
 * The steps every password change shares: proving the current password (changing one's own, a new
 * recovery code) and setting the new one (one's own, an owner's reset, a recovery).
 */

/**
 * The signed-in user proves they know their password. Wrong guesses count like failed sign-ins, so
 * a borrowed open session cannot be used to try passwords without limit. Answers their login.
 */
export async function proveCurrentPassword(db: Db, ctx: Ctx, currentPassword: string, now: Date) {
  const attempt = await reserveAttempt(db, { always: [`password:${ctx.userId}`] }, now);
  const user = await inBusiness(db, ctx.businessId, (tx) => findUserRow(tx, ctx.businessId, ctx.userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    await forgetOldAttempts(db, now);
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
  return { login: user.login };
}

/**
 * Sets a user's new password, once it is strong enough, and ends their sessions but `keepSessionId`
 * (a lost phone stops working). A new recovery hash may be stored with it. The caller logs why.
 */
export async function setNewPassword(
  tx: Tx,
  user: { businessId: string; id: string; login: string },
  newPassword: string,
  opts: { now: Date; keepSessionId?: string | undefined; recoveryHash?: string },
) {
  assertStrongPassword(newPassword, user.login);
  const passwordHash = await hashPassword(newPassword);
  const recovery = opts.recoveryHash ? { recoveryHash: opts.recoveryHash } : {};
  await updateUserRow(tx, user.businessId, user.id, { passwordHash, ...recovery, updatedAt: opts.now });
  await revokeUserSessions(tx, user.id, opts.now, opts.keepSessionId);
}
