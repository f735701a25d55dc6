import { and, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { passwordResets } from "../../db/schema.js";

/** The password_resets table: emailed reset links, kept by the hash of their token. */

export async function insertPasswordReset(
  tx: Tx,
  businessId: string,
  v: { userId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
) {
  await tx.insert(passwordResets).values({ businessId, ...v });
}

/** The unused, unexpired reset with this token hash, locked for update; null if none. */
export async function lockOpenReset(tx: Tx, businessId: string, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ id: passwordResets.id, userId: passwordResets.userId })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.businessId, businessId),
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .for("update");
  return row ?? null;
}

export async function markResetUsed(tx: Tx, businessId: string, id: string, now: Date) {
  await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.businessId, businessId), eq(passwordResets.id, id)));
}
