/** Users, their sessions, password resets and failed sign-in attempts. */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  type PgColumn,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessId, locations } from "./business.js";
import { createdAt, id, updatedAt } from "./columns.js";

/** Who did it: a user of the same business. */
export const byUser = (businessId: PgColumn, userId: PgColumn) =>
  foreignKey({ columns: [businessId, userId], foreignColumns: [users.businessId, users.id] });

export const users = pgTable(
  "users",
  {
    id: id(),
    businessId: businessId(),
    name: text("name").notNull(),
    role: text("role", { enum: ["owner", "staff"] }).notNull(),
    /** Email, phone or username, stored lower-cased; an owner's is unique across Duka, staff's within the shop. */
    login: text("login").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** SHA-256 of the owner's recovery code (high-entropy, so no slow hash is needed). */
    recoveryHash: text("recovery_hash"),
    active: boolean("active").notNull().default(true),
    locationId: uuid("location_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_business_login_uq").on(t.businessId, t.login),
    uniqueIndex("users_owner_login_uq").on(t.login).where(sql`${t.role} = 'owner'`),
    index("users_login_idx").on(t.login),
    unique("users_business_id_uq").on(t.businessId, t.id),
    index("users_business_idx").on(t.businessId),
    check("users_role_ck", sql`${t.role} in ('owner','staff')`),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    businessId: businessId(),
    userId: uuid("user_id").notNull(),
    /** SHA-256 of the random token; the token itself is only ever in the cookie. */
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    uniqueIndex("sessions_token_hash_uq").on(t.tokenHash),
    index("sessions_user_idx").on(t.userId),
    foreignKey({ columns: [t.businessId, t.userId], foreignColumns: [users.businessId, users.id] }).onDelete("cascade"),
  ],
);

/** Password-reset links sent by email; the token itself is only in the email. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    businessId: businessId(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_uq").on(t.tokenHash),
    foreignKey({ columns: [t.businessId, t.userId], foreignColumns: [users.businessId, users.id] }).onDelete("cascade"),
  ],
);

/** Failed sign-in attempts, keyed by account and by client address; not business data. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_key_at_idx").on(t.key, t.at)],
);
