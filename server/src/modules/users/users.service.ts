import type { AuditAction, CreateUserBody, UpdateUserBody, UserItem } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { conflict, notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { loginTaken, ownerLoginTaken } from "../auth/auth.service.js";
import { setNewPassword } from "../auth/new-password.js";
import { assertStrongPassword, hashPassword } from "../auth/passwords.js";
import { revokeUserSessions } from "../auth/sessions.service.js";
import { findLocation } from "../locations/locations.service.js";
import {
  findUserRow,
  findUsers,
  insertUser,
  lockOtherOwners,
  toUserItem,
  type UserRow,
  updateUserRow,
} from "./users.repository.js";

type Create = z.output<typeof CreateUserBody>;
type Update = z.output<typeof UpdateUserBody>;

export { toUserItem };

/** A user of this business, locked for the rest of the transaction; 404 for anyone else's. */
export async function findUser(tx: Tx, businessId: string, id: string) {
  const row = await findUserRow(tx, businessId, id, { lock: true });
  if (!row) throw notFound("User");
  return row;
}

const track = (ctx: Ctx, meta: RequestMeta) => (tx: Tx, action: AuditAction, userId: string, details?: object) =>
  audit(tx, {
    businessId: ctx.businessId,
    userId: ctx.userId,
    action,
    entity: "user",
    entityId: userId,
    ...(details ? { details: details as Record<string, unknown> } : {}),
    ip: meta.ip,
    at: meta.now,
  });

export function listUsers(db: Db, ctx: Ctx): Promise<UserItem[]> {
  return inBusiness(db, ctx.businessId, (tx) => findUsers(tx, ctx.businessId));
}

export async function createUser(db: Db, ctx: Ctx, input: Create, meta: RequestMeta): Promise<UserItem> {
  assertStrongPassword(input.password, input.login);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inBusiness(db, ctx.businessId, async (tx) => {
      if (input.locationId) await findLocation(tx, ctx.businessId, input.locationId);
      const row = await insertUser(tx, ctx.businessId, {
        name: input.name,
        login: input.login,
        passwordHash,
        role: input.role,
        locationId: input.locationId ?? null,
        createdAt: meta.now,
        updatedAt: meta.now,
      });
      await track(ctx, meta)(tx, "user.created", row.id, { name: row.name, role: row.role, login: row.login });
      return toUserItem(row);
    });
  } catch (err) {
    throw asLoginTaken(err);
  }
}

/** Staff logins clash only within the shop; an owner's (made or promoted) across Duka. */
function asLoginTaken(err: unknown) {
  if (isUniqueViolation(err, "users_business_login_uq")) return loginTaken();
  if (isUniqueViolation(err, "users_owner_login_uq")) return ownerLoginTaken();
  return err;
}

/** Refuses a change that would leave the business with no active owner to manage it. */
async function assertOwnerRemains(tx: Tx, ctx: Ctx, target: UserRow, input: Update) {
  const losesOwner = target.role === "owner" && target.active && (input.role === "staff" || input.active === false);
  if (!losesOwner) return;
  if (target.id === ctx.userId) {
    throw conflict(
      "cannot_change_self",
      "You cannot switch off or demote your own account. Ask another owner to do it.",
    );
  }
  // Locks every active owner, so two owners demoting each other at once cannot both succeed.
  const others = await lockOtherOwners(tx, ctx.businessId, target.id);
  if (others.length === 0) {
    throw conflict("last_owner", "This is the last active owner. Make someone else an owner first.");
  }
}

function actionOf(before: UserRow, input: Update): AuditAction {
  if (input.active === false && before.active) return "user.deactivated";
  if (input.active === true && !before.active) return "user.reactivated";
  return "user.updated";
}

export async function updateUser(db: Db, ctx: Ctx, id: string, input: Update, meta: RequestMeta): Promise<UserItem> {
  return inBusiness(db, ctx.businessId, (tx) => applyUpdate(tx, ctx, id, input, meta)).catch((err: unknown) => {
    throw asLoginTaken(err);
  });
}

async function applyUpdate(tx: Tx, ctx: Ctx, id: string, input: Update, meta: RequestMeta): Promise<UserItem> {
  const before = await findUser(tx, ctx.businessId, id);
  if (input.locationId) await findLocation(tx, ctx.businessId, input.locationId);
  await assertOwnerRemains(tx, ctx, before, input);
  if (Object.keys(input).length === 0) return toUserItem(before);
  const row = await updateUserRow(tx, ctx.businessId, id, { ...input, updatedAt: meta.now });
  if (!row) throw notFound("User");
  // A switched-off account must stop working now, not when its sessions expire.
  if (input.active === false) await revokeUserSessions(tx, id, meta.now);
  await track(ctx, meta)(tx, actionOf(before, input), id, { changed: Object.keys(input), ...input });
  return toUserItem(row);
}

/** The owner sets a new password for someone; every session of theirs ends (the owner's own current one stays). */
export async function resetPassword(db: Db, ctx: Ctx, id: string, password: string, meta: RequestMeta) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const target = await findUser(tx, ctx.businessId, id);
    const keepSessionId = id === ctx.userId ? ctx.sessionId : undefined;
    await setNewPassword(tx, target, password, { now: meta.now, keepSessionId });
    await track(ctx, meta)(tx, "user.password_reset", id);
  });
}
