import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { NewRecoveryCodeBody, RecoverBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { AppError } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { findOwnerByLogin, updateUserRow } from "../users/users.repository.js";
import { forgetOldAttempts, reserveAttempt, wrongPassword } from "./lockout.js";
import { proveCurrentPassword, setNewPassword } from "./new-password.js";

/** Letters and digits that cannot be misread when copied from paper: no I, O, 0 or 1. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 16 characters of 32 (80 random bits), shown in groups of four: AB3D-EFGH-JK4M-NPQR. */
export function newRecoveryCode(): string {
  const chars = [...randomBytes(16)].map((b) => ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

/** A plain hash is enough: the code is random, not a human secret (like session tokens). */
export const hashRecoveryCode = (code: string) =>
  createHash("sha256").update(code.replace(/[\s-]/g, "").toUpperCase()).digest("hex");

const sameHash = (a: string | null, b: string) => !!a && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Sets a user's new password, spends the old recovery code and gives a new one, ends every
 * session (a thief's too) and says so in the audit log.
 */
export async function setRecoveredPassword(
  tx: Tx,
  user: { businessId: string; id: string; login: string },
  newPassword: string,
  meta: RequestMeta,
  by: "recovery_code" | "email",
): Promise<string> {
  const recoveryCode = newRecoveryCode();
  await setNewPassword(tx, user, newPassword, { now: meta.now, recoveryHash: hashRecoveryCode(recoveryCode) });
  await audit(tx, {
    businessId: user.businessId,
    userId: user.id,
    action: "user.password_recovered",
    entity: "user",
    entityId: user.id,
    details: { by },
    ip: meta.ip,
    at: meta.now,
  });
  return recoveryCode;
}

/** The owner with this login (owners' logins are unique across Duka), before the business is known. */
export const findOwner = findOwnerByLogin;

/** An owner who forgot the password types the recovery code from paper, and a new password. */
export async function recoverWithCode(db: Db, input: z.output<typeof RecoverBody>, meta: RequestMeta) {
  const attempt = await reserveAttempt(db, { always: [`recover:${input.login}`, `recover-ip:${meta.ip}`] }, meta.now);
  const owner = await findOwner(db, input.login);
  if (!owner || !sameHash(owner.recoveryHash, hashRecoveryCode(input.recoveryCode))) {
    await forgetOldAttempts(db, meta.now);
    throw wrongPassword(
      {
        code: "wrong_recovery_code",
        status: 400,
        message: "This login and recovery code do not match. Check the code on your paper.",
        fields: { recoveryCode: ["does not match"] },
      },
      attempt,
    );
  }
  const recoveryCode = await inBusiness(db, owner.businessId, (tx) =>
    setRecoveredPassword(tx, owner, input.newPassword, meta, "recovery_code"),
  );
  await attempt.succeeded();
  return { recoveryCode };
}

/** A signed-in owner makes a new recovery code (the old one stops working), proving the password first. */
export async function renewRecoveryCode(
  db: Db,
  ctx: Ctx,
  input: z.output<typeof NewRecoveryCodeBody>,
  meta: RequestMeta,
) {
  await proveCurrentPassword(db, ctx, input.currentPassword, meta.now);
  const recoveryCode = newRecoveryCode();
  await inBusiness(db, ctx.businessId, async (tx) => {
    await updateUserRow(tx, ctx.businessId, ctx.userId, {
      recoveryHash: hashRecoveryCode(recoveryCode),
      updatedAt: meta.now,
    });
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "user.recovery_code_renewed",
      entity: "user",
      entityId: ctx.userId,
      ip: meta.ip,
      at: meta.now,
    });
  });
  return { recoveryCode };
}

export const recoveryDisabled = () =>
  new AppError("email_reset_unavailable", 404, "Reset by email is not set up on this server. Use your recovery code.");
