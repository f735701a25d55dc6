import { CUSTOMER_IMPORT_FIELDS, type ImportKind, PRODUCT_IMPORT_FIELDS } from "@duka/contracts";
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

/** Duka's own column names, as the templates write them in each language. */
export const LABELS: Record<MappedKind, Record<Lang, Record<string, string>>> = {
  products: {
    en: {
      name: "name",
      sku: "sku",
      barcode: "barcode",
      category: "category",
      unit: "unit",
      price: "price",
      cost: "cost",
      lowStockThreshold: "low stock threshold",
      stock: "stock",
    },
    fr: {
      name: "nom",
      sku: "référence",
      barcode: "code-barres",
      category: "catégorie",
      unit: "unité",
      price: "prix",
      cost: "coût",
      lowStockThreshold: "seuil de stock bas",
      stock: "stock",
    },
    sw: {
      name: "jina",
      sku: "nambari ya bidhaa",
      barcode: "msimbopau",
      category: "aina",
      unit: "kipimo",
      price: "bei",
      cost: "gharama",
      lowStockThreshold: "kiwango cha chini",
      stock: "stoo",
    },
  },
  customers: {
    en: {
      name: "name",
      phone: "phone",
      email: "email",
      address: "address",
      creditLimit: "credit limit",
      openingBalance: "opening balance",
    },
    fr: {
      name: "nom",
      phone: "téléphone",
      email: "e-mail",
      address: "adresse",
      creditLimit: "plafond de crédit",
      openingBalance: "solde d’ouverture",
    },
    sw: {
      name: "jina",
      phone: "simu",
      email: "barua pepe",
      address: "anwani",
      creditLimit: "kikomo cha mkopo",
      openingBalance: "deni la mwanzo",
    },
  },
};

/** Columns Duka's own exports add, which an import reads or knowingly leaves aside. */
const EXPORT_EXTRAS: Record<MappedKind, Record<string, Field | null>> = {
  products: { archived: null },
  customers: { balance: "openingBalance", tags: null, "total spent": null, "last visit": null },
};

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

/** "stock: Main shop" (or "stoo: …") → "Main shop"; the export's total column is no location. */
export function stockColumn(header: string): string | null {
  const m = /^\s*(stock|stoo)\s*:\s*(.+?)\s*$/i.exec(header);
  if (!m?.[2] || /^(total|jumla)$/i.test(m[2])) return null;
  return m[2];
}

function labelField(kind: MappedKind, header: string): Field | null | undefined {
  const n = normalise(header);
  for (const lang of Object.values(LABELS[kind])) {
    for (const [field, label] of Object.entries(lang)) if (normalise(label) === n) return field as Field;
  }
  if (n in EXPORT_EXTRAS[kind]) return EXPORT_EXTRAS[kind][n];
  return undefined;
}

/** A file in Duka's own layout (template or export, any language): every column is one Duka writes. */
export function dukaMapping(kind: MappedKind, headers: string[]): Record<string, string> | null {
  const mapping: Record<string, string> = {};
  for (const h of headers) {
    if (kind === "products" && (stockColumn(h) || /^\s*(stock|stoo)\s*:\s*(total|jumla)\s*$/i.test(h))) continue;
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
