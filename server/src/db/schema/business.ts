/** The business, its settings and its locations. */
import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";

export interface BusinessSettings {
  allowNegativeStock?: boolean;
  staffMayDiscount?: boolean;
  maxDiscountPercent?: number;
  staffMayChangePrice?: boolean;
  allowCreditOverLimit?: boolean;
  paymentMethods?: { method: string; label?: string; hidden?: boolean }[];
}

export const businessId = () =>
  uuid("business_id")
    .notNull()
    .references(() => businesses.id, { onDelete: "cascade" });

export const businesses = pgTable(
  "businesses",
  {
    id: id(),
    name: text("name").notNull(),
    currency: text("currency").notNull(),
    timeZone: text("time_zone").notNull(),
    country: text("country"),
    locale: text("locale").notNull().default("en"),
    settings: jsonb("settings").$type<BusinessSettings>().notNull().default({}),
    nextSaleNumber: integer("next_sale_number").notNull().default(1),
    /** Short code staff type once on a new phone, so their login need only be unique in this shop. */
    code: text("code").notNull().default(sql`duka_shop_code()`),
    createdAt: createdAt(),
  },
  (t) => [
    check("businesses_currency_ck", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    uniqueIndex("businesses_code_uq").on(t.code),
  ],
);

export const locations = pgTable(
  "locations",
  {
    id: id(),
    businessId: businessId(),
    name: text("name").notNull(),
    address: text("address"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("locations_business_name_uq").on(t.businessId, sql`lower(${t.name})`),
    unique("locations_business_id_uq").on(t.businessId, t.id),
  ],
);
