import type {
  LocationItem,
  LowStockList,
  ProductCategories,
  ProductCreateBody,
  ProductDetail,
  ProductListQuery,
  ProductPage,
  ProductPatchBody,
  StockAttention,
  StockCountDetail,
  StockCountLinesBody,
  StockCountList,
  StockMovementBody,
  StockMovementPage,
  StockMovementResult,
} from "@duka/contracts";
import type { z } from "zod";
import { api, request } from "./client";

// Types only from contracts: the server validates, so zod stays out of the phone's download.
export type { LocationItem, ProductDetail, ProductPage, StockMovementBody };
export type ProductItem = ProductPage["items"][number];
export type LowStockItem = z.infer<typeof LowStockList>["items"][number];
export type CountDetail = z.infer<typeof StockCountDetail>;

/** A query string from the parameters that are set. */
function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The list's filters, as the web sends them (the contract's input type leaves `limit` loose). */
export type ProductFilters = Omit<ProductListQuery, "limit"> & { limit?: number };
export const listProducts = (q: ProductFilters) => api.get<ProductPage>(`/products${query(q)}`);
export const getProduct = (id: string) => api.get<ProductDetail>(`/products/${encodeURIComponent(id)}`);
export const createProduct = (body: ProductCreateBody) => api.post<ProductDetail>("/products", body);
export const updateProduct = (id: string, body: ProductPatchBody) =>
  api.patch<ProductDetail>(`/products/${encodeURIComponent(id)}`, body);
export const listCategories = () => api.get<z.infer<typeof ProductCategories>>("/products/categories");
export const EXPORT_CSV_URL = "/api/v1/products/export.csv";

export const listLocations = () => api.get<{ items: LocationItem[] }>("/locations");

export const moveStock = (body: StockMovementBody) =>
  api.post<z.infer<typeof StockMovementResult>>("/stock-movements", body);
export const listMovements = (productId: string, cursor?: string) =>
  api.get<z.infer<typeof StockMovementPage>>(`/stock-movements${query({ productId, cursor, limit: 20 })}`);

export type { StockAttention };
export const stockAttention = () => api.get<StockAttention>("/stock/attention");

export const lowStock = (locationId?: string) =>
  api.get<z.infer<typeof LowStockList>>(`/alerts/low-stock${query({ locationId })}`);

export const listCounts = () => api.get<z.infer<typeof StockCountList>>("/stock-counts?status=open");
export const openCount = (locationId: string, note?: string) =>
  api.post<CountDetail>("/stock-counts", { locationId, note: note || undefined });
export const getCount = (id: string) => api.get<CountDetail>(`/stock-counts/${encodeURIComponent(id)}`);
export const saveCountLines = (id: string, lines: StockCountLinesBody["lines"]) =>
  request<CountDetail>("PUT", `/stock-counts/${encodeURIComponent(id)}/lines`, { lines });
export const applyCount = (id: string) => api.post<CountDetail>(`/stock-counts/${encodeURIComponent(id)}/apply`);
export const cancelCount = (id: string) => api.post<CountDetail>(`/stock-counts/${encodeURIComponent(id)}/cancel`);
