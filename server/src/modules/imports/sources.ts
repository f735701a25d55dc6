import type { ImportFormat, ImportKind } from "@duka/contracts";
import { dukaMapping, normalise, stockColumn } from "./headers.js";
import { type Table, takeRows } from "./read.js";
import { looksLikeSales } from "./sales.sources.js";

/** A cell as read, with the column it came from, so a message can name it. */
export interface Cell {
  value: string;
  column: string;
}

export interface RawStock {
  location: string;
  quantity?: Cell | undefined;
  lowStock?: Cell | undefined;
}

export interface RawProduct {
  row: number;
  name?: Cell | undefined;
  /** Loyverse options, Square variations: the product is "Item — Variant". */
  variant?: string | undefined;
  sku?: Cell | undefined;
  barcode?: Cell | undefined;
  category?: Cell | undefined;
  price?: Cell | undefined;
  /** The file says the price is typed at each sale. */
  variablePrice?: boolean;
  cost?: Cell | undefined;
  unit?: Cell | undefined;
  soldByWeight?: Cell | undefined;
  lowStockThreshold?: Cell | undefined;
  trackStock?: Cell | undefined;
  stock: RawStock[];
}

export interface RawCustomer {
  row: number;
  name?: Cell | undefined;
  phone?: Cell | undefined;
  email?: Cell | undefined;
  address?: Cell | undefined;
  creditLimit?: Cell | undefined;
  openingBalance?: Cell | undefined;
}

/** Reads cells by column name (case and spacing aside); an empty cell reads as absent. */
export class Columns {
  private index = new Map<string, number>();
  constructor(readonly headers: string[]) {
    headers.forEach((h, i) => {
      if (!this.index.has(normalise(h))) this.index.set(normalise(h), i);
    });
  }
  has(name: string) {
    return this.index.has(normalise(name));
  }
  /** The headers matching a pattern such as /^in stock \[(.+)\]$/i, with the captured store name. */
  repeated(pattern: RegExp): { header: string; store: string }[] {
    return this.headers.flatMap((header) => {
      const m = pattern.exec(header.trim());
      return m?.[1] ? [{ header, store: m[1].trim() }] : [];
    });
  }
  /** Header names asked for, normalised once: `cell` runs for every column of every row. */
  private asked = new Map<string, number | undefined>();
  cell(cells: string[], name: string | undefined): Cell | undefined {
    if (name === undefined) return undefined;
    let i = this.asked.get(name);
    if (i === undefined && !this.asked.has(name)) {
      i = this.index.get(normalise(name));
      this.asked.set(name, i);
    }
    const value = i === undefined ? "" : (cells[i] ?? "");
    return value === "" ? undefined : { value, column: this.headers[i as number] ?? name };
  }
}

export interface Source<T> {
  format: ImportFormat;
  /** Field → column, as shown to the owner. */
  mapping: Record<string, string>;
  records: T[];
}

const VARIABLE = /^(variable|open|prix libre|bei huru)$/i;

function loyverseItems(t: Table): Source<RawProduct> {
  const c = new Columns(t.headers);
  const inStock = c.repeated(/^in stock \[(.+)\]$/i);
  const lowStock = new Map(c.repeated(/^low stock \[(.+)\]$/i).map((s) => [s.store, s.header]));
  const prices = c.repeated(/^price \[(.+)\]$/i);
  const options = [1, 2, 3].map((n) => `Option ${n} value`);
  let last: { handle: string; name?: Cell | undefined; category?: Cell | undefined } | null = null;
  const records = takeRows(t, ({ row, cells }) => {
    const handle = c.cell(cells, "Handle")?.value ?? "";
    // A variant's row may leave the item's name and category to the first row of its handle.
    const same = last && handle !== "" && last.handle === handle;
    const name = c.cell(cells, "Name") ?? (same ? last?.name : undefined);
    const category = c.cell(cells, "Category") ?? (same ? last?.category : undefined);
    last = { handle, name, category };
    const variant = options.flatMap((o) => c.cell(cells, o)?.value ?? []).join(" / ");
    const price = c.cell(cells, "Default price") ?? prices.map((p) => c.cell(cells, p.header)).find(Boolean);
    return {
      row,
      name,
      variant: variant || undefined,
      sku: c.cell(cells, "SKU"),
      barcode: c.cell(cells, "Barcode"),
      category,
      price: price && !VARIABLE.test(price.value) ? price : undefined,
      variablePrice: !price || VARIABLE.test(price.value),
      cost: c.cell(cells, "Cost"),
      soldByWeight: c.cell(cells, "Sold by weight"),
      trackStock: c.cell(cells, "Track stock"),
      stock: inStock.map((s) => ({
        location: s.store,
        quantity: c.cell(cells, s.header),
        lowStock: c.cell(cells, lowStock.get(s.store)),
      })),
    };
  });
  return { format: "loyverse_items", mapping: { name: "Name", sku: "SKU", price: "Default price" }, records };
}

function squareItems(t: Table): Source<RawProduct> {
  const c = new Columns(t.headers);
  const current = c.repeated(/^current quantity (.+)$/i);
  const alerts = new Map(c.repeated(/^stock alert count (.+)$/i).map((s) => [s.store, s.header]));
  const category = ["Categories", "Reporting Category", "Category"].find((h) => c.has(h));
  const records = takeRows(t, ({ row, cells }) => {
    const variation = c.cell(cells, "Variation Name")?.value;
    const price = c.cell(cells, "Price");
    const unit = c.cell(cells, "Unit and Precision");
    return {
      row,
      name: c.cell(cells, "Item Name"),
      variant: variation && !/^regular$/i.test(variation) ? variation : undefined,
      sku: c.cell(cells, "SKU"),
      barcode: c.cell(cells, "GTIN"),
      category: c.cell(cells, category),
      price: price && !VARIABLE.test(price.value) ? price : undefined,
      variablePrice: !price || VARIABLE.test(price.value),
      cost: c.cell(cells, "Default Unit Cost"),
      unit: unit && /kilogram|\bkg\b/i.test(unit.value) ? { value: "kg", column: unit.column } : undefined,
      stock: current.map((s) => ({
        location: s.store,
        quantity: c.cell(cells, s.header),
        lowStock: c.cell(cells, alerts.get(s.store)),
      })),
    };
  });
  return { format: "square_items", mapping: { name: "Item Name", sku: "SKU", price: "Price" }, records };
}

function osposItems(t: Table): Source<RawProduct> {
  const c = new Columns(t.headers);
  const locations = c.repeated(/^location_(.+)$/i);
  const records = takeRows(t, ({ row, cells }) => ({
    row,
    name: c.cell(cells, "Item Name"),
    barcode: c.cell(cells, "Barcode"),
    category: c.cell(cells, "Category"),
    price: c.cell(cells, "Unit Price"),
    cost: c.cell(cells, "Cost Price"),
    lowStockThreshold: c.cell(cells, "Reorder Level"),
    stock: locations.map((s) => ({ location: s.store, quantity: c.cell(cells, s.header) })),
  }));
  return { format: "ospos_items", mapping: { name: "Item Name", barcode: "Barcode", price: "Unit Price" }, records };
}

/** Duka's own layout or any file through a mapping: one column per field, stock per location. */
export function mappedProducts(
  t: Table,
  mapping: Record<string, string>,
  format: ImportFormat,
  firstLocation: string,
): Source<RawProduct> {
  const c = new Columns(t.headers);
  const perLocation = t.headers.flatMap((h) => {
    const location = stockColumn(h);
    return location ? [{ location, header: h }] : [];
  });
  const records = takeRows(t, ({ row, cells }) => {
    const get = (field: string) => c.cell(cells, mapping[field]);
    const stock: RawStock[] = perLocation.map((s) => ({ location: s.location, quantity: c.cell(cells, s.header) }));
    if (mapping.stock) stock.push({ location: firstLocation, quantity: get("stock") });
    return {
      row,
      name: get("name"),
      sku: get("sku"),
      barcode: get("barcode"),
      category: get("category"),
      price: get("price"),
      cost: get("cost"),
      unit: get("unit"),
      soldByWeight: get("soldByWeight"),
      lowStockThreshold: get("lowStockThreshold"),
      stock,
    };
  });
  return { format, mapping, records };
}

function loyverseCustomers(t: Table): Source<RawCustomer> {
  const c = new Columns(t.headers);
  const records = takeRows(t, ({ row, cells }) => ({
    row,
    name: c.cell(cells, "Customer name"),
    phone: c.cell(cells, "Phone"),
    email: c.cell(cells, "Email"),
    address: joined(c, cells, ["Address", "City", "Region", "Postal code", "Country"]),
  }));
  return { format: "loyverse_customers", mapping: { name: "Customer name", phone: "Phone" }, records };
}

function osposCustomers(t: Table): Source<RawCustomer> {
  const c = new Columns(t.headers);
  const records = takeRows(t, ({ row, cells }) => ({
    row,
    name: joined(c, cells, ["First Name", "Last Name"], " "),
    phone: c.cell(cells, "Phone Number"),
    email: c.cell(cells, "Email"),
    address: joined(c, cells, ["Address 1", "Address 2", "City", "State", "Zip", "Country"]),
  }));
  return { format: "ospos_customers", mapping: { name: "First Name + Last Name", phone: "Phone Number" }, records };
}

export function mappedCustomers(t: Table, mapping: Record<string, string>, format: ImportFormat): Source<RawCustomer> {
  const c = new Columns(t.headers);
  const records = takeRows(t, ({ row, cells }) => {
    const get = (field: string) => c.cell(cells, mapping[field]);
    return {
      row,
      name: get("name"),
      phone: get("phone"),
      email: get("email"),
      address: get("address"),
      creditLimit: get("creditLimit"),
      openingBalance: get("openingBalance"),
    };
  });
  return { format, mapping, records };
}

/** Several columns read as one text ("Address 1, City"), named by the first that has a value. */
function joined(c: Columns, cells: string[], names: string[], sep = ", "): Cell | undefined {
  const parts = names.flatMap((n) => c.cell(cells, n) ?? []);
  if (!parts.length) return undefined;
  return { value: parts.map((p) => p.value).join(sep), column: parts[0]?.column ?? names[0] ?? "" };
}

interface Known<T> {
  kind: ImportKind;
  matches: (c: Columns) => boolean;
  read: (t: Table) => Source<T>;
}

const productFormats: Known<RawProduct>[] = [
  {
    kind: "products",
    matches: (c) => c.has("Handle") && c.has("Name") && c.has("Track stock"),
    read: loyverseItems,
  },
  { kind: "products", matches: (c) => c.has("Item Name") && c.has("Variation Name"), read: squareItems },
  {
    kind: "products",
    matches: (c) => c.has("Item Name") && c.has("Unit Price") && c.has("Cost Price"),
    read: osposItems,
  },
];
const customerFormats: Known<RawCustomer>[] = [
  {
    kind: "customers",
    matches: (c) => c.has("Customer name") && (c.has("Customer code") || c.has("Total visits")),
    read: loyverseCustomers,
  },
  {
    kind: "customers",
    matches: (c) => c.has("First Name") && c.has("Last Name") && c.has("Phone Number"),
    read: osposCustomers,
  },
];

/** A known product layout read from its header row; null for a file that needs a mapping. */
export function knownProducts(t: Table): Source<RawProduct> | null {
  const c = new Columns(t.headers);
  return productFormats.find((f) => f.matches(c))?.read(t) ?? null;
}

export function knownCustomers(t: Table): Source<RawCustomer> | null {
  const c = new Columns(t.headers);
  return customerFormats.find((f) => f.matches(c))?.read(t) ?? null;
}

/** The kind a file's header row says it is, when it is one of the layouts Duka knows. */
export function recognisedKind(t: Table): ImportKind | null {
  const c = new Columns(t.headers);
  if (looksLikeSales(t)) return "sales";
  if (productFormats.some((f) => f.matches(c)) || dukaMapping("products", t.headers)?.price) return "products";
  if (customerFormats.some((f) => f.matches(c)) || dukaMapping("customers", t.headers)?.phone) return "customers";
  return null;
}
