import type { BusinessResponse, BusinessSettings, UpdateBusinessBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Queryable } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { findBusiness, findSettings, updateBusinessRow } from "./business.repository.js";
import { readFirstSteps } from "./first-steps.repository.js";

type Update = z.output<typeof UpdateBusinessBody>;

/** The shop's rules (stock, discounts, prices, credit, payment methods), for any module that enforces them. */
export async function getBusinessSettings(tx: Queryable, businessId: string): Promise<BusinessSettings> {
  const settings = await findSettings(tx, businessId);
  if (!settings) throw notFound("Business");
  return settings;
}

async function readBusiness(tx: Queryable, businessId: string): Promise<BusinessResponse> {
  const business = await findBusiness(tx, businessId);
  if (!business) throw notFound("Business");
  return business;
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
    await updateBusinessRow(tx, ctx.businessId, values);
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
