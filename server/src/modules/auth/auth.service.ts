import { randomUUID } from "node:crypto";
import type { LoginBody, SignupBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { RequestMeta } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { AppError, conflict } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { insertBusiness } from "../business/business.repository.js";
import { insertLocation } from "../locations/locations.repository.js";
import { findAccountsByLogin, insertUser } from "../users/users.repository.js";
import { forgetOldAttempts, loginKeys, reserveAttempt, wrongPassword } from "./lockout.js";
import { assertStrongPassword, hashPassword, verifyPassword } from "./passwords.js";
import { hashRecoveryCode, newRecoveryCode } from "./recovery.service.js";
import { createSession, type SessionPolicy } from "./sessions.service.js";

type Signup = z.output<typeof SignupBody>;
type Login = z.output<typeof LoginBody>;

/** A staff login is unique within its shop only, so a refusal tells nothing about other shops. */
export const loginTaken = () =>
  conflict("login_taken", "Someone in this shop already uses this login. Choose another.", {
    fields: { login: ["is already used in this shop"] },
  });

/** An owner signs in with no shop code, so an owner's login is unique across Duka. */
export const ownerLoginTaken = () =>
  conflict(
    "login_taken",
    "This login already belongs to a shop owner. Sign in instead, or choose another email or phone number.",
    { fields: { login: ["is already used"] } },
  );

export async function signup(db: Db, input: Signup, meta: RequestMeta, policy: SessionPolicy, perAddress: number) {
  assertStrongPassword(input.password, input.login);
  // Every sign-up counts, made or not: one address cannot mint businesses by the hundred.
  await reserveAttempt(db, { always: [`signup:${meta.ip}`] }, meta.now, perAddress).catch((err: unknown) => {
    throw err instanceof AppError && err.status === 429
      ? new AppError(
          "too_many_signups",
          429,
          "Too many businesses were created from this connection just now. Try again in a few minutes.",
          err.details,
        )
      : err;
  });
  const passwordHash = await hashPassword(input.password);
  const recoveryCode = newRecoveryCode();
  const businessId = randomUUID();
  try {
    return await inBusiness(db, businessId, async (tx) => {
      await insertBusiness(tx, businessId, {
        name: input.businessName,
        currency: input.currency,
        timeZone: input.timeZone,
        country: input.country ?? null,
        locale: input.locale ?? "en",
        createdAt: meta.now,
      });
      await insertLocation(tx, businessId, {
        name: input.locationName,
        address: input.locationAddress ?? null,
        createdAt: meta.now,
      });
      const owner = await insertUser(tx, businessId, {
        name: input.ownerName,
        role: "owner",
        login: input.login,
        passwordHash,
        recoveryHash: hashRecoveryCode(recoveryCode),
        createdAt: meta.now,
        updatedAt: meta.now,
      });
      await audit(tx, { businessId, userId: owner.id, action: "business.created", ip: meta.ip, at: meta.now });
      const session = await createSession(tx, { businessId, userId: owner.id, policy, ...meta });
      return { ...session, businessId, userId: owner.id, recoveryCode };
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_owner_login_uq")) throw ownerLoginTaken();
    throw err;
  }
}

/**
 * The account a sign-in names. Owners' logins are unique across Duka, staff's within their shop:
 * with the shop code the phone remembers, that shop's account comes first; otherwise an owner, or
 * the only staff member anywhere with that login. Several and no code: the phone must ask for it.
 */
async function findAccount(db: Db, login: string, shopCode: string | undefined) {
  const rows = await findAccountsByLogin(db, login, shopCode);
  const found =
    (shopCode ? rows.find((r) => r.shopCode === shopCode) : undefined) ??
    rows.find((r) => r.user.role === "owner") ??
    (rows.length === 1 ? rows[0] : undefined);
  if (!found && rows.length > 1 && !shopCode) {
    throw new AppError(
      "shop_code_required",
      400,
      "Type your shop's code: the owner sees it on the Staff page. This phone will remember it.",
      { fields: { shopCode: ["is required"] } },
    );
  }
  return found?.user;
}

export async function login(db: Db, input: Login, meta: RequestMeta, policy: SessionPolicy) {
  const attempt = await reserveAttempt(db, loginKeys(input.login, meta.ip), meta.now);
  const user = await findAccount(db, input.login, input.shopCode);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) {
    await forgetOldAttempts(db, meta.now);
    if (user) {
      await inBusiness(db, user.businessId, (tx) =>
        audit(tx, {
          businessId: user.businessId,
          userId: user.id,
          action: "auth.login_failed",
          ip: meta.ip,
          at: meta.now,
          details: { reason: ok ? "inactive" : "bad_password" },
        }),
      );
    }
    if (user && ok)
      throw new AppError("invalid_credentials", 401, "This account has been switched off. Ask the owner.");
    throw wrongPassword(
      {
        code: "invalid_credentials",
        status: 401,
        message: "Wrong login or password.",
        hint: "If you are staff, ask the owner to reset your password.",
      },
      attempt,
    );
  }
  await attempt.succeeded();
  return inBusiness(db, user.businessId, async (tx) => {
    await audit(tx, { businessId: user.businessId, userId: user.id, action: "auth.login", ip: meta.ip, at: meta.now });
    const session = await createSession(tx, { businessId: user.businessId, userId: user.id, policy, ...meta });
    return { ...session, businessId: user.businessId, userId: user.id };
  });
}
