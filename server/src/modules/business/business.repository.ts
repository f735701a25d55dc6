import { type BusinessResponse, BusinessSettings, DEFAULT_BUSINESS_SETTINGS } from "@duka/contracts";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { businesses } from "../../db/schema.js";

/**
 * The business row and its settings. The settings are read with their defaults here and nowhere
 * else: every module that enforces a shop rule asks this file (or the sale's one read, which hands
 * its raw settings to `withDefaults`).
 */

/**
 * The stored settings over the defaults. Rows written before a setting existed (or by hand) still
 * answer with a full, valid set: a field that fails validation falls back to its default.
 */
export function withDefaults(stored: unknown): BusinessSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_BUSINESS_SETTINGS };
  const given = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const shape = BusinessSettings.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const parsed = shape[key].safeParse(given[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as BusinessSettings;
}

/** The shop's rules (stock, discounts, prices, credit, payment methods); null when there is no such business. */
export async function findSettings(tx: Queryable, businessId: string): Promise<BusinessSettings | null> {
  const [row] = await tx
    .select({ settings: businesses.settings })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  return row ? withDefaults(row.settings) : null;
}

export async function findBusiness(tx: Queryable, businessId: string): Promise<BusinessResponse | null> {
  const [row] = await tx.select().from(businesses).where(eq(businesses.id, businessId));
  if (!row) return null;
  const { id, name, currency, timeZone, locale, country } = row;
  return { id, name, currency, timeZone, locale, country, settings: withDefaults(row.settings) };
}

export interface BusinessChange {
  name?: string | undefined;
  timeZone?: string | undefined;
  locale?: string | undefined;
  country?: string | null | undefined;
  settings?: BusinessSettings | undefined;
}

export async function updateBusinessRow(tx: Queryable, businessId: string, values: BusinessChange) {
  await tx.update(businesses).set(values).where(eq(businesses.id, businessId));
}

/** When the business was made (the first backup is due a day later). */
export async function businessCreatedAt(tx: Queryable, businessId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ createdAt: businesses.createdAt })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  return row?.createdAt ?? null;
}

/** A new business (sign-up); its settings start as the defaults. */
export async function insertBusiness(
  tx: Queryable,
  businessId: string,
  v: { name: string; currency: string; timeZone: string; country: string | null; locale: string; createdAt: Date },
) {
  await tx.insert(businesses).values({ id: businessId, ...v });
}
