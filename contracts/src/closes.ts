import { z } from "zod";
import { Id, Instant, IsoDate, Money, OptionalText } from "./common.js";

/**
 * Closing the day: a person counts the cash in their drawer at a location, against what the day's
 * figures say it should hold (docs/decisions/020-closing-the-day.md).
 */

/** What a drawer should hold from the day's work, before the opening float. */
export const DrawerFigures = z.object({
  date: IsoDate,
  locationId: Id,
  locationName: z.string(),
  userId: Id,
  userName: z.string(),
  /** Cash sales of the day that still stand (not voided), as the daily summary counts them. */
  cashSales: z.number().int(),
  /** Cash paid back today on refunds, whichever day the sale was. */
  cashRefunds: z.number().int(),
  /** Cash received today from customers paying what they owe. */
  repayments: z.number().int(),
  /** cashSales − cashRefunds + repayments. */
  cashExpected: z.number().int(),
});
export type DrawerFigures = z.infer<typeof DrawerFigures>;

export const DrawerClose = z.object({
  id: Id,
  date: IsoDate,
  locationId: Id,
  locationName: z.string(),
  userId: Id,
  userName: z.string(),
  closedBy: Id,
  closedByName: z.string(),
  closedAt: Instant,
  openingFloat: z.number().int(),
  cashSales: z.number().int(),
  cashRefunds: z.number().int(),
  repayments: z.number().int(),
  /** Opening float + the day's cash, as it stood when the drawer was counted. */
  expected: z.number().int(),
  counted: z.number().int(),
  /** counted − expected: above zero the drawer holds more than expected, below zero less. */
  difference: z.number().int(),
  note: z.string().nullable(),
  /** The count this one corrects, and how many counts came before it. */
  replacesId: Id.nullable(),
  earlierCounts: z.number().int(),
  /** What the day's figures say now: differs from `expected` when a sale came in after the count. */
  expectedNow: z.number().int(),
  changedSinceClose: z.boolean(),
});
export type DrawerClose = z.infer<typeof DrawerClose>;

/** One drawer: what it should hold, and its standing count if it was closed. */
export const DrawerState = DrawerFigures.extend({ close: DrawerClose.nullable() });
export type DrawerState = z.infer<typeof DrawerState>;

export const DrawerQuery = z.object({
  /** Defaults to today in the business's calendar. */
  date: IsoDate.optional(),
  /** Defaults to the person's own location (the first open one). */
  locationId: Id.optional(),
  /** Whose drawer; defaults to one's own. Only the owner may name someone else. */
  userId: Id.optional(),
});

export const CloseBody = z.strictObject(
  {
    /** Made by the client, so a retried close finds the one it already made. */
    id: Id,
    date: IsoDate.optional(),
    locationId: Id.optional(),
    userId: Id.optional(),
    /** The cash the drawer started the day with. */
    openingFloat: Money.optional(),
    counted: Money,
    note: OptionalText(300),
    /** A recount names the standing close it corrects; without it, a second close is refused. */
    replaces: Id.optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `has fields this request does not take: ${issue.keys.join(", ")}`
        : undefined,
  },
);
export type CloseBody = z.input<typeof CloseBody>;

/** A range of business days; both default to today. */
export const ClosesQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional(), locationId: Id.optional() });

export const ClosesList = z.object({
  from: IsoDate,
  to: IsoDate,
  currency: z.string(),
  /** The standing count of every drawer closed in the range, newest day first. */
  items: z.array(DrawerClose),
  /** Drawers that took or paid out cash in the range and have not been closed. */
  open: z.array(DrawerFigures),
  totals: z.object({ expected: z.number().int(), counted: z.number().int(), difference: z.number().int() }),
});
export type ClosesList = z.infer<typeof ClosesList>;

export const DaySummaryQuery = z.object({ date: IsoDate.optional(), locationId: Id.optional() });

/** The day in a few lines, as the daily report counts it, for the owner to read or share. */
export const DaySummary = z.object({
  date: IsoDate,
  currency: z.string(),
  locationId: Id.nullable(),
  locationName: z.string().nullable(),
  salesCount: z.number().int(),
  netSales: z.number().int(),
  byPaymentMethod: z.array(z.object({ method: z.string(), label: z.string(), netSales: z.number().int() })),
  cash: z.number().int(),
  mobileMoney: z.number().int(),
  creditGiven: z.number().int(),
  creditRepaid: z.number().int(),
  bestSellers: z.array(z.object({ productId: Id, name: z.string(), quantity: z.number() })),
  closes: z.object({
    closed: z.number().int(),
    open: z.number().int(),
    expected: z.number().int(),
    counted: z.number().int(),
    difference: z.number().int(),
  }),
  /** The same, as text in the shop's language and currency, to send on WhatsApp. */
  text: z.string(),
});
export type DaySummary = z.infer<typeof DaySummary>;
