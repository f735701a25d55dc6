import { stringify } from "csv-stringify/sync";
import writeXlsxFile from "write-excel-file/node";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { toDecimalString } from "../../lib/money-format.js";
import { LABELS, type Lang, type MappedKind } from "./headers.js";
import { firstLocationName } from "./imports.repository.js";

type Example = Record<string, string | number>;

/** Two invented rows per kind, in each language, so the owner sees how a row is written. */
const EXAMPLES: Record<MappedKind, Record<Lang, Example[]>> = {
  products: {
    en: [
      {
        name: "Sugar 1 kg",
        sku: "SUG-1",
        category: "Groceries",
        unit: "piece",
        price: 15000,
        cost: 12000,
        lowStockThreshold: 5,
        stock: 24,
      },
      { name: "Tomatoes", category: "Vegetables", unit: "kg", price: 8000, lowStockThreshold: 2, stock: 12.5 },
    ],
    fr: [
      {
        name: "Sucre 1 kg",
        sku: "SUC-1",
        category: "Épicerie",
        unit: "pièce",
        price: 15000,
        cost: 12000,
        lowStockThreshold: 5,
        stock: 24,
      },
      { name: "Tomates", category: "Légumes", unit: "kg", price: 8000, lowStockThreshold: 2, stock: 12.5 },
    ],
    sw: [
      {
        name: "Sukari kilo 1",
        sku: "SUK-1",
        category: "Vyakula",
        unit: "kipande",
        price: 15000,
        cost: 12000,
        lowStockThreshold: 5,
        stock: 24,
      },
      { name: "Nyanya", category: "Mboga", unit: "kg", price: 8000, lowStockThreshold: 2, stock: 12.5 },
    ],
  },
  customers: {
    en: [
      {
        name: "Amina Otieno",
        phone: "0712 345 678",
        address: "Market Street",
        creditLimit: 500000,
        openingBalance: 120000,
      },
      { name: "Joseph Kamau", phone: "0723 456 789", email: "joseph@example.com", openingBalance: 0 },
    ],
    fr: [
      {
        name: "Awa Diallo",
        phone: "0712 345 678",
        address: "Rue du Marché",
        creditLimit: 500000,
        openingBalance: 120000,
      },
      { name: "Jean Mbala", phone: "0723 456 789", email: "jean@example.com", openingBalance: 0 },
    ],
    sw: [
      {
        name: "Amina Otieno",
        phone: "0712 345 678",
        address: "Mtaa wa Soko",
        creditLimit: 500000,
        openingBalance: 120000,
      },
      { name: "Juma Mwangi", phone: "0723 456 789", email: "juma@example.com", openingBalance: 0 },
    ],
  },
};

const MONEY_FIELDS = new Set(["price", "cost", "creditLimit", "openingBalance"]);

/** Header row and two example rows, in the business's language, with its first location's stock column. */
async function templateRows(db: Db, ctx: Ctx, kind: MappedKind): Promise<string[][]> {
  const lang: Lang = ctx.business.locale === "fr" || ctx.business.locale === "sw" ? ctx.business.locale : "en";
  const labels = LABELS[kind][lang];
  const first = await inBusiness(db, ctx.businessId, (tx) => firstLocationName(tx, ctx.businessId));
  const fields = Object.keys(labels);
  const header = fields.map((f) => (f === "stock" ? `${labels.stock}: ${first || "Shop"}` : (labels[f] ?? f)));
  const currency = ctx.business.currency;
  const rows = EXAMPLES[kind][lang].map((example) =>
    fields.map((f) => {
      const v = example[f];
      if (v === undefined) return "";
      return MONEY_FIELDS.has(f) && typeof v === "number" ? toDecimalString(v, currency) : String(v);
    }),
  );
  return [header, ...rows];
}

export async function templateCsv(db: Db, ctx: Ctx, kind: MappedKind): Promise<string> {
  return `\uFEFF${stringify(await templateRows(db, ctx, kind))}`;
}

export async function templateXlsx(db: Db, ctx: Ctx, kind: MappedKind): Promise<Buffer> {
  const [header = [], ...rows] = await templateRows(db, ctx, kind);
  const data = [
    header.map((value) => ({ value, fontWeight: "bold" as const })),
    ...rows.map((r) => r.map((value) => ({ value }))),
  ];
  return writeXlsxFile(data).toBuffer();
}
