import {
  type BusinessResponse,
  BusinessSettings,
  DEFAULT_BUSINESS_SETTINGS,
  type UpdateBusinessBody,
} from "@duka/contracts";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Queryable } from "../../db/client.js";
import { businesses } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { readFirstSteps } from "./business.repository.js";

type Update = z.output<typeof UpdateBusinessBody>;

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

/** The shop's rules (stock, discounts, prices, credit, payment methods), for any module that enforces them. */
export async function getBusinessSettings(tx: Queryable, businessId: string): Promise<BusinessSettings> {
  const [row] = await tx
    .select({ settings: businesses.settings })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  if (!row) throw notFound("Business");
  return withDefaults(row.settings);
}

async function readBusiness(tx: Queryable, businessId: string): Promise<BusinessResponse> {
  const [row] = await tx.select().from(businesses).where(eq(businesses.id, businessId));
  if (!row) throw notFound("Business");
  const { id, name, currency, timeZone, locale, country } = row;
  return { id, name, currency, timeZone, locale, country, settings: withDefaults(row.settings) };
}

export function getBusiness(db: Db, ctx: Ctx): Promise<BusinessResponse> {
  return inBusiness(db, ctx.businessId, (tx) => readBusiness(tx, ctx.businessId));
}

export function updateBusiness(db: Db, ctx: Ctx, input: Update, meta: RequestMeta): Promise<BusinessResponse> {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const before = await readBusiness(tx, ctx.businessId);
    const settings = input.settings ? { ...before.settings, ...input.settings } : undefined;
    const { settings: _, ...fields } = input;
    const values = { ...fields, ...(settings ? { settings } : {}) };
    if (Object.keys(values).length === 0) return before;
    await tx.update(businesses).set(values).where(eq(businesses.id, ctx.businessId));
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "business.updated",
      entity: "business",
      entityId: ctx.businessId,
      details: { changed: Object.keys(input), ...(input.settings ? { settings: Object.keys(input.settings) } : {}) },
      ip: meta.ip,
      at: meta.now,
    });
    return readBusiness(tx, ctx.businessId);
  });
}

/** What a new shop has done of its first steps (products, staff, a sale), for the owner's checklist. */
export function firstSteps(db: Db, ctx: Ctx) {
  return inBusiness(db, ctx.businessId, (tx) => readFirstSteps(tx, ctx.businessId, ctx.userId));
}
