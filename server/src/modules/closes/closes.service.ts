import type { CloseBody, DrawerClose, DrawerFigures, DrawerState } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { badRequest, conflict, forbidden, notFound } from "../../lib/errors.js";
import { formatAmount } from "../../lib/money-format.js";
import { localDate } from "../../lib/time.js";
import { audit } from "../audit/audit.service.js";
import { sees } from "../auth/policy.js";
import { publish } from "../events/events.service.js";
import { requireLocations } from "../inventory/locations.js";
import { requestHash } from "../sales/request-hash.js";
import {
  type CloseRow,
  closeById,
  defaultLocation,
  drawerFigures,
  drawerOwner,
  type FigureRow,
  insertClose,
  standingCloses,
} from "./closes.repository.js";

/** Counting the cash in a drawer at closing (docs/decisions/020-closing-the-day.md). */

type Body = z.output<typeof CloseBody>;
export interface DrawerKey {
  date: string;
  locationId: string;
  locationName: string;
  userId: string;
  userName: string;
}

export const figuresOf = (key: DrawerKey, row: FigureRow | undefined): DrawerFigures => {
  const cashSales = row?.cash_sales ?? 0;
  const cashRefunds = row?.cash_refunds ?? 0;
  const repayments = row?.repayments ?? 0;
  return { ...key, cashSales, cashRefunds, repayments, cashExpected: cashSales - cashRefunds + repayments };
};

/** A stored close as the API shows it, with what the day's figures say now. */
export function closeView(row: CloseRow, now: DrawerFigures | undefined): DrawerClose {
  const expectedNow = row.opening_float + (now?.cashExpected ?? 0);
  return {
    id: row.id,
    date: row.date,
    locationId: row.location_id,
    locationName: row.location_name,
    userId: row.user_id,
    userName: row.user_name,
    closedBy: row.closed_by,
    closedByName: row.closed_by_name,
    closedAt: row.closed_at,
    openingFloat: row.opening_float,
    cashSales: row.cash_sales,
    cashRefunds: row.cash_refunds,
    repayments: row.repayments,
    expected: row.expected,
    counted: row.counted,
    difference: row.counted - row.expected,
    note: row.note,
    replacesId: row.replaces_id,
    earlierCounts: row.earlier_counts,
    expectedNow,
    changedSinceClose: expectedNow !== row.expected,
  };
}

/**
 * Whose drawer, where and which day. Staff name only themselves (403 otherwise) and a location they
 * are assigned to; a day after today in the business's calendar is refused, as nothing was sold yet.
 */
async function resolveDrawer(
  tx: Tx,
  ctx: Ctx,
  q: { date?: string | undefined; locationId?: string | undefined; userId?: string | undefined },
  now: Date,
): Promise<DrawerKey> {
  const today = localDate(now, ctx.business.timeZone);
  const date = q.date ?? today;
  if (date > today) {
    throw badRequest("That day has not come yet: close today's drawer or an earlier day's.", {
      fields: { date: ["is after today"] },
    });
  }
  const userId = q.userId ?? ctx.userId;
  if (userId !== ctx.userId && !sees.allDrawers(ctx)) throw forbidden("You can only close your own drawer.");
  const person = await drawerOwner(tx, ctx.businessId, userId);
  if (!person) throw notFound("Staff member");
  let location: { id: string; name: string } | undefined;
  if (q.locationId) {
    const names = await requireLocations(tx, ctx, [q.locationId]);
    location = { id: q.locationId, name: names.get(q.locationId) ?? "" };
  } else {
    location = await defaultLocation(tx, ctx.businessId, userId);
  }
  if (!location) throw conflict("no_location", "There is no location to close a drawer at. Ask the owner to add one.");
  return { date, locationId: location.id, locationName: location.name, userId, userName: person.name };
}

async function drawerNow(tx: Tx, ctx: Ctx, key: DrawerKey) {
  const scope = { businessId: ctx.businessId, from: key.date, to: key.date, locationId: key.locationId };
  const [row] = await drawerFigures(tx, { ...scope, timeZone: ctx.business.timeZone, userId: key.userId });
  const [standing] = await standingCloses(tx, { ...scope, userId: key.userId });
  return { figures: figuresOf(key, row), standing };
}

/** One drawer: what it should hold from the day's cash, and its standing count if it was closed. */
export async function drawerState(
  db: Db,
  ctx: Ctx,
  q: { date?: string | undefined; locationId?: string | undefined; userId?: string | undefined },
  now: Date,
): Promise<DrawerState> {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const key = await resolveDrawer(tx, ctx, q, now);
    const { figures, standing } = await drawerNow(tx, ctx, key);
    return { ...figures, close: standing ? closeView(standing, figures) : null };
  });
}

const alreadyClosed = (ctx: Ctx, row: CloseRow) => {
  const counted = formatAmount(row.counted, ctx.business.currency, ctx.business.locale);
  return conflict(
    "already_closed",
    `${row.user_name}'s drawer was already counted at ${row.closed_at} (${counted}). Count again to correct it.`,
    { closeId: row.id, counted: row.counted, closedAt: row.closed_at },
  );
};

const idTaken = () => conflict("idempotency_conflict", "This close id was already used for something else.");

/**
 * Records a count of a drawer. The expected figures are fixed at this moment. A second count of the
 * same drawer and day must name the standing count it corrects (`replaces`), which it supersedes;
 * without it, or naming one that another recount already replaced, it is refused with the standing
 * count, so two phones closing at once never silently overwrite each other. Sending the same close
 * again answers the first one (200); the same id with another body is a 409.
 */
export async function closeDrawer(
  db: Db,
  ctx: Ctx,
  body: Body,
  meta: RequestMeta,
): Promise<{ close: DrawerClose; replay: boolean }> {
  const hash = requestHash({ ...body, id: undefined });
  return inBusiness(db, ctx.businessId, async (tx) => {
    const earlier = await closeById(tx, ctx.businessId, body.id);
    if (earlier) {
      if (earlier.request_hash !== hash || (earlier.closed_by !== ctx.userId && !sees.allDrawers(ctx))) throw idTaken();
      const { figures } = await drawerNow(tx, ctx, drawerKeyOf(earlier));
      return { close: closeView(earlier, figures), replay: true };
    }
    const key = await resolveDrawer(tx, ctx, body, meta.now);
    const { figures, standing } = await drawerNow(tx, ctx, key);
    if (standing && body.replaces !== standing.id) throw alreadyClosed(ctx, standing);
    if (!standing && body.replaces) {
      throw badRequest("There is no count of this drawer to correct: close it as a first count.", {
        fields: { replaces: ["is not a standing count of this drawer"] },
      });
    }
    const openingFloat = body.openingFloat ?? 0;
    const expected = openingFloat + figures.cashExpected;
    await insertClose(tx, {
      id: body.id,
      businessId: ctx.businessId,
      date: key.date,
      locationId: key.locationId,
      userId: key.userId,
      closedBy: ctx.userId,
      openingFloat,
      cashSales: figures.cashSales,
      cashRefunds: figures.cashRefunds,
      repayments: figures.repayments,
      expected,
      counted: body.counted,
      note: body.note ?? null,
      replacesId: standing?.id ?? null,
      requestHash: hash,
      at: meta.now,
    });
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: standing ? "drawer.recounted" : "drawer.closed",
      entity: "drawer_close",
      entityId: body.id,
      details: {
        date: key.date,
        location: key.locationName,
        person: key.userName,
        expected,
        counted: body.counted,
        difference: body.counted - expected,
        ...(standing ? { replaces: standing.id, countedBefore: standing.counted } : {}),
        ...(body.note ? { note: body.note } : {}),
      },
      ip: meta.ip,
      at: meta.now,
    });
    await publish(tx, ctx, { type: "drawer.closed", locationId: key.locationId, payload: { closeId: body.id } });
    const made = await closeById(tx, ctx.businessId, body.id);
    if (!made) throw new Error(`close ${body.id} vanished inside its transaction`);
    return { close: closeView(made, figures), replay: false };
  }).catch(async (err: unknown) => {
    // Two counts of one drawer at once: the later one meets the standing count and is asked to recount.
    if (isUniqueViolation(err, "drawer_closes_current_uq")) {
      const standing = await inBusiness(db, ctx.businessId, async (tx) => {
        const key = await resolveDrawer(tx, ctx, body, meta.now);
        return (await drawerNow(tx, ctx, key)).standing;
      });
      if (standing) throw alreadyClosed(ctx, standing);
    }
    // The id is another business's close: never say so, just refuse it.
    if (isUniqueViolation(err)) throw idTaken();
    throw err;
  });
}

const drawerKeyOf = (r: CloseRow): DrawerKey => ({
  date: r.date,
  locationId: r.location_id,
  locationName: r.location_name,
  userId: r.user_id,
  userName: r.user_name,
});
