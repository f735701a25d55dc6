import { createHash, randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { RequestMeta } from "../../lib/context.js";
import { AppError } from "../../lib/errors.js";
import { findUserRow } from "../users/users.repository.js";
import { reserveAttempt } from "./lockout.js";
import { insertPasswordReset, lockOpenReset, markResetUsed } from "./password-resets.repository.js";
import { findOwner, setRecoveredPassword } from "./recovery.service.js";

/** How long a reset link works. */
export const RESET_LINK_MS = 60 * 60_000;

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Email goes out only when SMTP and the app's public address are configured (README). */
export function createMailer(config: Config): Mailer | undefined {
  if (!config.SMTP_URL || !config.APP_URL) return undefined;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    send: async (message) => {
      await transport.sendMail({ from: config.SMTP_FROM, ...message });
    },
  };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Emails a reset link to an owner whose login is an email address. The answer is the same whether
 * or not there is such an owner, so it tells nobody who uses Duka; every request counts against
 * the login and the address, so nobody floods an inbox. The link is built from APP_URL, never from
 * the request's Host header, which the requester chooses.
 */
export async function requestReset(
  db: Db,
  mailer: Mailer,
  appUrl: string,
  login: string,
  meta: RequestMeta,
  log: (err: unknown) => void,
): Promise<void> {
  await reserveAttempt(db, { always: [`forgot:${login}`, `forgot-ip:${meta.ip}`] }, meta.now, 5);
  const owner = await findOwner(db, login);
  if (!owner || !login.includes("@")) return;
  // The business id leads the token, so the link is found under row-level security without a lookup.
  const token = `${owner.businessId}.${randomBytes(32).toString("base64url")}`;
  await inBusiness(db, owner.businessId, (tx) =>
    insertPasswordReset(tx, owner.businessId, {
      userId: owner.id,
      tokenHash: hashToken(token),
      createdAt: meta.now,
      expiresAt: new Date(meta.now.getTime() + RESET_LINK_MS),
    }),
  );
  const link = `${appUrl.replace(/\/+$/, "")}/reset#${token}`;
  await mailer
    .send({
      to: login,
      subject: "Reset your Duka password",
      text: [
        `Someone asked to reset the password of ${login} on Duka.`,
        `To choose a new password, open this link within an hour:`,
        link,
        "",
        "If it was not you, ignore this email: your password stays as it is.",
      ].join("\n"),
    })
    .catch(log);
}

const linkInvalid = () =>
  new AppError("reset_link_invalid", 400, "This reset link has expired or was already used. Ask for a new one.");

/** Opens a reset link once, within the hour: sets the password and ends every session. */
export async function resetWithLink(db: Db, token: string, newPassword: string, meta: RequestMeta) {
  const businessId = token.split(".")[0] ?? "";
  if (!UUID.test(businessId)) throw linkInvalid();
  const recoveryCode = await inBusiness(db, businessId, async (tx) => {
    const reset = await lockOpenReset(tx, businessId, hashToken(token), meta.now);
    if (!reset) throw linkInvalid();
    const user = await findUserRow(tx, businessId, reset.userId);
    if (!user?.active) throw linkInvalid();
    await markResetUsed(tx, businessId, reset.id, meta.now);
    return setRecoveredPassword(tx, user, newPassword, meta, "email");
  });
  return { recoveryCode };
}
