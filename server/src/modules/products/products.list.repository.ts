import type { ProductListQuery } from "@duka/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Tx } from "../../db/client.js";
import { badRequest } from "../../lib/errors.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import type { ProductColumnsRow } from "./products.repository.js";
import { stockStateOf } from "./stock-state.js";

type Query = z.output<typeof ProductListQuery>;
type Sort = Query["sort"];

interface Row extends ProductColumnsRow {
  product_threshold: string;
  stock: string;
  threshold: string;
  uncounted: boolean | null;
  updated_at: string | Date;
  sort_key: string;
}

/** The cursor is opaque to clients: the sort it belongs to, the last row's sort key and id. */
function encodeCursor(sort: Sort, key: string, id: string) {
  return Buffer.from(JSON.stringify([sort, key, id])).toString("base64url");
}

function decodeCursor(cursor: string, sort: Sort): { key: string; id: string } {
  try {
    const [s, key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (s === sort && typeof key === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) {
      return { key, id };
    }
  } catch {
    // fall through to the same answer as a well-formed but foreign cursor
  }
  throw badRequest("This page link is no longer valid. Start the list again.", { fields: { cursor: ["is invalid"] } });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Sort key and direction; every order ends with the id so the keyset is total. */
const ORDER: Record<Sort, { key: SQL; cast: SQL; desc: boolean }> = {
  name: { key: sql`lower(x.name)`, cast: sql`text`, desc: false },
  stock: { key: sql`x.stock`, cast: sql`numeric`, desc: false },
  updated: { key: sql`x.updated_at`, cast: sql`timestamptz`, desc: true },
};

/**
 * Products with their stock where the user looks. Keyset pagination (never OFFSET) keeps page 400
 * as fast as page 1; the name order walks products_business_name_idx. Stock is summed per product
 * in a lateral subquery that touches only that product's level rows.
 */
export async function findProductPage(tx: Tx, businessId: string, query: Query, locations: { id: string }[]) {
  {
    const one = query.locationId !== undefined;
    const locs = locations.length
      ? sql.join(
          locations.map((l) => sql`${l.id}::uuid`),
          sql`, `,
        )
      : sql`null::uuid`;
    const filters: SQL[] = [sql`p.business_id = ${businessId}`, sql`p.archived = ${query.archived}`];
    if (query.q) {
      const like = `%${escapeLike(query.q.toLowerCase())}%`;
      filters.push(sql`(lower(p.name) like ${like} or p.sku = ${query.q} or p.barcode = ${query.q})`);
    }
    if (query.category) filters.push(sql`p.category = ${query.category}`);
    const order = ORDER[query.sort];
    const outer: SQL[] = [sql`true`];
    // At one location, only what it carries; a state is judged on counted stock only.
    if (one) outer.push(sql`x.carried`);
    if (query.stock === "uncounted") outer.push(sql`x.uncounted`);
    else if (query.stock) outer.push(sql`not x.uncounted`);
    if (query.stock === "out") outer.push(sql`x.stock <= 0`);
    if (query.stock === "low") outer.push(sql`x.stock > 0 and x.stock <= x.threshold`);
    if (query.stock === "in") outer.push(sql`x.stock > x.threshold and x.stock > 0`);
    if (query.cursor) {
      const c = decodeCursor(query.cursor, query.sort);
      const cmp = order.desc ? sql`<` : sql`>`;
      outer.push(sql`(${order.key}, x.id) ${cmp} (${c.key}::${order.cast}, ${c.id}::uuid)`);
    }
    const dir = order.desc ? sql`desc` : sql`asc`;
    const rows = await queryRows<Row>(
      tx,
      sql`select x.*, ${order.key}::text as sort_key from (
            select p.id, p.name, p.sku, p.barcode, p.category, p.unit, p.price, p.price_at_sale, p.cost, p.archived,
              p.updated_at, p.low_stock_threshold::text as product_threshold, s.stock, s.threshold, s.uncounted,
              s.carried
            from products p
            cross join lateral (
              select coalesce(sum(sl.quantity), 0) as stock,
                coalesce(bool_and(sl.counted_at is null) filter (where sl.carried), false) as uncounted,
                coalesce(bool_or(sl.carried), false) as carried,
                ${one ? sql`coalesce(max(sl.low_stock_threshold), p.low_stock_threshold)` : sql`p.low_stock_threshold`} as threshold
              from stock_levels sl
              where sl.business_id = p.business_id and sl.product_id = p.id and sl.location_id in (${locs})
            ) s
            where ${sql.join(filters, sql` and `)}
          ) x
          where ${sql.join(outer, sql` and `)}
          order by ${order.key} ${dir}, x.id ${dir}
          limit ${query.limit + 1}`,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toItem),
      nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last.sort_key, last.id) : null,
    };
  }
}

function toItem(r: Row) {
  const stock = parseMilli(String(r.stock));
  return {
    id: r.id,
    name: r.name,
    sku: r.sku,
    barcode: r.barcode,
    category: r.category,
    unit: r.unit,
    price: Number(r.price),
    priceAtSale: r.price_at_sale,
    cost: r.cost !== null ? Number(r.cost) : null,
    lowStockThreshold: fromMilli(parseMilli(r.product_threshold)),
    archived: r.archived,
    stock: fromMilli(stock),
    stockState: stockStateOf(stock, parseMilli(String(r.threshold)), !r.uncounted),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
