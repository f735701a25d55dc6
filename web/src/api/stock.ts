import type {
  LocationItem,
  ProductCreateBody,
  ProductDetail,
  ProductListQuery,
  ProductPage,
  ProductPatchBody,
  StockAttention,
  StockCountLinesBody,
  StockMovementBody,
} from "@duka/contracts";
import { type Endpoints, get, send } from "../data/endpoints";

export type { LocationItem, ProductDetail, ProductPage, StockMovementBody };
export type ProductItem = ProductPage["items"][number];
export type LowStockItem = Endpoints["/alerts/low-stock"]["items"][number];
export type CountDetail = Endpoints["/stock-counts/:id"];

/** The list's filters, as the web sends them (the contract's input type leaves `limit` loose). */
export type ProductFilters = Omit<ProductListQuery, "limit"> & { limit?: number };
export const listProducts = (query: ProductFilters) => get("/products", { query });
export const getProduct = (id: string) => get("/products/:id", { params: { id } });
export const createProduct = (body: ProductCreateBody) => send("POST /products", { body });
export const updateProduct = (id: string, body: ProductPatchBody) =>
  send("PATCH /products/:id", { params: { id }, body });
export const listCategories = () => get("/products/categories");
export const EXPORT_CSV_URL = "/api/v1/products/export.csv";

export const moveStock = (body: StockMovementBody) => send("POST /stock-movements", { body });
export const listMovements = (productId: string, cursor?: string) =>
  get("/stock-movements", { query: { productId, cursor, limit: 20 } });

export type { StockAttention };
export const stockAttention = () => get("/stock/attention");

export const lowStock = (locationId?: string) => get("/alerts/low-stock", { query: { locationId } });

export const listCounts = () => get("/stock-counts", { query: { status: "open" } });
export const openCount = (locationId: string, note?: string) =>
  send("POST /stock-counts", { body: { locationId, note: note || undefined } });
export const getCount = (id: string) => get("/stock-counts/:id", { params: { id } });
export const saveCountLines = (id: string, lines: StockCountLinesBody["lines"]) =>
  send("PUT /stock-counts/:id/lines", { params: { id }, body: { lines } });
export const applyCount = (id: string) => send("POST /stock-counts/:id/apply", { params: { id } });
export const cancelCount = (id: string) => send("POST /stock-counts/:id/cancel", { params: { id } });
