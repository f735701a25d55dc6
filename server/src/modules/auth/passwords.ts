import { hash, verify } from "@node-rs/argon2";
import { badRequest } from "../../lib/errors.js";
import { COMMON_PASSWORDS } from "./common-passwords.js";

// argon2id (algorithm 2) with OWASP's minimum: 19 MiB memory, 2 iterations.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A hash of nothing in particular, verified against when the login is unknown so timing tells nothing. */
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("duka-no-such-account");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/** Refuses passwords that are on every attacker's list, with a message a person can act on. */
export function assertStrongPassword(password: string, login?: string): void {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password) || (login && lower === login.toLowerCase())) {
    throw badRequest("This password is too easy to guess. Choose a longer one, for example three unrelated words.", {
      fields: { password: ["is too common"] },
    });
  }
}
