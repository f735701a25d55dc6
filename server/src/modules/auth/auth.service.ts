import { randomUUID } from "node:crypto";
import type { LoginBody, SignupBody } from "@duka/contracts";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { businesses, locations, users } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { RequestMeta } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { AppError, conflict } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { assertNotLocked, loginKeys, recordFailure, recordSuccess } from "./lockout.js";
import { assertStrongPassword, hashPassword, verifyPassword } from "./passwords.js";
import { createSession, type SessionPolicy } from "./sessions.service.js";

type Signup = z.output<typeof SignupBody>;
type Login = z.output<typeof LoginBody>;

export const loginTaken = () =>
  conflict("login_taken", "This login is already used. Choose another email, phone number or username.", {
    fields: { login: ["is already used"] },
  });

export async function signup(db: Db, input: Signup, meta: RequestMeta, policy: SessionPolicy) {
  assertStrongPassword(input.password, input.login);
  const passwordHash = await hashPassword(input.password);
  const businessId = randomUUID();
  try {
    return await inBusiness(db, businessId, async (tx) => {
      await tx.insert(businesses).values({
        id: businessId,
        name: input.businessName,
        currency: input.currency,
        timeZone: input.timeZone,
        country: input.country ?? null,
        locale: input.locale ?? "en",
        createdAt: meta.now,
      });
      const [location] = await tx
        .insert(locations)
        .values({ businessId, name: input.locationName, address: input.locationAddress ?? null, createdAt: meta.now })
        .returning({ id: locations.id });
      const [owner] = await tx
        .insert(users)
        .values({
          businessId,
          name: input.ownerName,
          role: "owner",
          login: input.login,
          passwordHash,
          createdAt: meta.now,
          updatedAt: meta.now,
        })
        .returning({ id: users.id });
      if (!location || !owner) throw new Error("signup insert returned nothing");
      await audit(tx, { businessId, userId: owner.id, action: "business.created", ip: meta.ip, at: meta.now });
      const session = await createSession(tx, { businessId, userId: owner.id, policy, ...meta });
      return { ...session, businessId, userId: owner.id };
    });
  } catch (err) {
    if (isUniqueViolation(err, "users_login_uq")) throw loginTaken();
    throw err;
  }
}

export async function login(db: Db, input: Login, meta: RequestMeta, policy: SessionPolicy) {
  const keys = loginKeys(input.login, meta.ip);
  await assertNotLocked(db, keys, meta.now);
  const user = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.login', ${input.login}, true)`);
    const [row] = await tx.select().from(users).where(eq(users.login, input.login));
    return row;
  });
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) {
    await recordFailure(db, keys, meta.now);
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
    throw new AppError(
      "invalid_credentials",
      401,
      user && ok ? "This account has been switched off. Ask the owner." : "Wrong login or password.",
    );
  }
  await recordSuccess(db, keys, meta.now);
  return inBusiness(db, user.businessId, async (tx) => {
    await audit(tx, { businessId: user.businessId, userId: user.id, action: "auth.login", ip: meta.ip, at: meta.now });
    const session = await createSession(tx, { businessId: user.businessId, userId: user.id, policy, ...meta });
    return { ...session, businessId: user.businessId, userId: user.id };
  });
}
