import { CUSTOMER_IMPORT_FIELDS, type ImportKind, PRODUCT_IMPORT_FIELDS } from "@duka/contracts";
import type { MessageKey } from "@duka/contracts/i18n/languages";
import { type Words, wordsFor } from "../../lib/words.js";
import type { Table } from "./read.js";

export type Lang = "en" | "fr" | "sw";
/** The kinds read through a column mapping; past sales come only in layouts Duka knows. */
export type MappedKind = Exclude<ImportKind, "sales">;
export type ProductField = (typeof PRODUCT_IMPORT_FIELDS)[number];
export type CustomerField = (typeof CUSTOMER_IMPORT_FIELDS)[number];
export type Field = ProductField | CustomerField;

/** "Price (KES)", " PRICE ", "price_kes"… → "price": compared without case, accents, units or punctuation. */
export function normalise(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[_\-.'’]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const LANGS: Lang[] = ["en", "fr", "sw"];
const CATALOGUE = Object.fromEntries(LANGS.map((l) => [l, wordsFor(l)])) as Record<Lang, Words>;

/** The columns Duka's templates write, in their order; exports write the same and a few more. */
const TEMPLATE_COLUMNS = {
  products: ["name", "sku", "barcode", "category", "unit", "price", "cost", "lowStockThreshold", "stock"],
  customers: ["name", "phone", "email", "address", "creditLimit", "openingBalance"],
} as const satisfies Record<MappedKind, readonly Field[]>;

/** Columns Duka's own exports add, which an import reads or knowingly leaves aside. */
const EXPORT_EXTRAS = {
  products: { archived: null },
  customers: { balance: "openingBalance", tags: null, totalSpent: null, lastVisit: null },
} as const satisfies Record<MappedKind, Record<string, Field | null>>;

export type ProductColumn = (typeof TEMPLATE_COLUMNS.products)[number] | keyof typeof EXPORT_EXTRAS.products;
export type CustomerColumn = (typeof TEMPLATE_COLUMNS.customers)[number] | keyof typeof EXPORT_EXTRAS.customers;

/** A column's name as Duka writes it, from the catalogue in the words' language. */
export function columnName(t: Words, kind: "products", column: ProductColumn): string;
export function columnName(t: Words, kind: "customers", column: CustomerColumn): string;
export function columnName(t: Words, kind: MappedKind, column: string): string {
  return t(`printed.csv.${kind === "products" ? "product" : "customer"}.${column}` as MessageKey);
}
const nameIn = (t: Words, kind: MappedKind, column: string) =>
  columnName(t, kind as "products", column as ProductColumn);

/** Duka's own column names, as the templates write them in each language (field → name). */
export const LABELS = Object.fromEntries(
  (["products", "customers"] as const).map((kind) => [
    kind,
    Object.fromEntries(
      LANGS.map((l) => [l, Object.fromEntries(TEMPLATE_COLUMNS[kind].map((f) => [f, nameIn(CATALOGUE[l], kind, f)]))]),
    ),
  ]),
) as Record<MappedKind, Record<Lang, Record<string, string>>>;

/** Other names people give the same column, for a file Duka does not know: the proposed mapping. */
const SYNONYMS: Record<Field, string[]> = {
  name: [
    "product",
    "product name",
    "item",
    "item name",
    "customer",
    "customer name",
    "client",
    "produit",
    "designation",
    "bidhaa",
    "mteja",
    "full name",
  ],
  sku: ["code", "item code", "product code", "ref", "reference", "article", "item number"],
  barcode: ["ean", "upc", "gtin", "bar code", "code barre", "code barres", "msimbo"],
  category: ["group", "department", "famille", "categorie", "kundi"],
  price: ["selling price", "sale price", "retail price", "unit price", "prix de vente", "bei ya kuuza", "price each"],
  cost: ["cost price", "buying price", "purchase price", "prix d achat", "bei ya kununua", "unit cost"],
  unit: ["uom", "unit of measure", "unite"],
  soldByWeight: ["sold by weight", "by weight", "au poids", "kwa uzito"],
  lowStockThreshold: [
    "low stock",
    "reorder level",
    "reorder point",
    "min stock",
    "minimum stock",
    "stock minimum",
    "seuil",
  ],
  stock: ["quantity", "qty", "on hand", "in stock", "quantite", "idadi", "opening stock"],
  phone: ["mobile", "telephone", "tel", "phone number", "cell", "simu ya mkononi", "numero"],
  email: ["e mail", "mail", "courriel"],
  address: ["adresse", "location", "street"],
  creditLimit: ["limit", "plafond", "kikomo"],
  openingBalance: ["balance", "debt", "owes", "owed", "amount owed", "solde", "dette", "deni", "salio"],
};

export const fieldsOf = (kind: MappedKind): readonly Field[] =>
  kind === "products" ? PRODUCT_IMPORT_FIELDS : CUSTOMER_IMPORT_FIELDS;

const STOCK_WORDS = new Set(LANGS.map((l) => normalise(nameIn(CATALOGUE[l], "products", "stock"))));
const TOTAL_WORDS = new Set(LANGS.map((l) => normalise(CATALOGUE[l]("printed.csv.total"))));

/** "stock: Main shop" (or "stoo: …") → its location; undefined for a header that is no stock column. */
function stockPart(header: string): string | undefined {
  const colon = header.indexOf(":");
  if (colon < 0 || !STOCK_WORDS.has(normalise(header.slice(0, colon)))) return undefined;
  return header.slice(colon + 1).trim() || undefined;
}

/** "stock: Main shop", in any of Duka's languages → "Main shop"; the export's total column is no location. */
export function stockColumn(header: string): string | null {
  const location = stockPart(header);
  return location && !TOTAL_WORDS.has(normalise(location)) ? location : null;
}

function labelField(kind: MappedKind, header: string): Field | null | undefined {
  const n = normalise(header);
  for (const lang of Object.values(LABELS[kind])) {
    for (const [field, label] of Object.entries(lang)) if (normalise(label) === n) return field as Field;
  }
  for (const [column, field] of Object.entries(EXPORT_EXTRAS[kind])) {
    if (LANGS.some((l) => normalise(nameIn(CATALOGUE[l], kind, column)) === n)) return field;
  }
  return undefined;
}

/** A file in Duka's own layout (template or export, any language): every column is one Duka writes. */
export function dukaMapping(kind: MappedKind, headers: string[]): Record<string, string> | null {
  const mapping: Record<string, string> = {};
  for (const h of headers) {
    if (kind === "products" && stockPart(h) !== undefined) continue;
    const field = labelField(kind, h);
    if (field === undefined) return null;
    if (field) mapping[field] ??= h;
  }
  return mapping.name ? mapping : null;
}

/** The mapping Duka proposes for an unknown file: a column per field, by its name or a usual synonym. */
export function proposeMapping(kind: MappedKind, headers: string[]): Record<string, string> {
  const fields = fieldsOf(kind);
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  const claim = (field: Field, header: string) => {
    if (mapping[field] || taken.has(header)) return;
    mapping[field] = header;
    taken.add(header);
  };
  for (const h of headers) {
    const field = labelField(kind, h);
    if (field && fields.includes(field)) claim(field, h);
  }
  for (const h of headers) {
    const n = normalise(h);
    for (const field of fields) if (SYNONYMS[field].includes(n)) claim(field, h);
  }
  return mapping;
}

/** Same columns, same key, whatever the order of rows: how a mapping is remembered. */
export const headerKey = (kind: ImportKind, table: Pick<Table, "headers">) =>
  `${kind}:${table.headers.map(normalise).join("|")}`;
