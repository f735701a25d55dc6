import type {
  CreateSaleBody,
  DailyReport,
  LocationItem,
  MonthlyReport,
  ProductItem,
  RefundBody,
  Sale,
  SaleList,
  UserItem,
} from "@duka/contracts";
import { orSaved, searchSaved } from "../data/catalogue";
import { get, pathOf, send } from "../data/endpoints";
import { ApiError } from "./client";

// Types only from contracts: the server validates, so zod stays out of the phone's download.
export type { DailyReport, LocationItem, MonthlyReport, ProductItem, Sale, UserItem };
export type SaleSummary = SaleList["items"][number];
export type ReportRow = DailyReport["totals"];

/** Offline, the phone's copy of the catalogue answers. */
/** Products with their stock at the location the till sells from (summed over the user's without one). */
export const searchProducts = (q: string, limit = 20, locationId?: string) =>
  orSaved(get("/products", { query: { q, limit, locationId } }), () => searchSaved(q, limit, locationId));

export const createSale = (body: CreateSaleBody) => send("POST /sales", { body });
export const getSale = (id: string) => get("/sales/:id", { params: { id } });
export const voidSale = (id: string, reason: string) =>
  send("POST /sales/:id/void", { params: { id }, body: { reason } });
export const refundSale = (id: string, body: RefundBody) => send("POST /sales/:id/refunds", { params: { id }, body });

export interface SaleFilters {
  from?: string;
  to?: string;
  locationId?: string;
  userId?: string;
  customerId?: string;
  paymentMethod?: string;
  /** A receipt number or a transaction code (or its first characters). */
  q?: string;
  cursor?: string;
}
export const listSales = (filters: SaleFilters) => get("/sales", { query: { ...filters, limit: 50 } });

/** The plain-text receipt, for sharing to WhatsApp or SMS. */
export async function receiptText(id: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/sales/${encodeURIComponent(id)}/receipt.txt`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  if (!res.ok) throw new ApiError(res.status, "http_error", res.statusText);
  return res.text();
}

export type ReportKind = "daily" | "monthly";
export const reportPath = (kind: ReportKind, from: string, to: string, format?: "csv") =>
  pathOf(`/reports/${kind}`, { query: { from, to, format } });
export const dailyReport = (from: string, to: string) => get("/reports/daily", { query: { from, to } });
export const monthlyReport = (from: string, to: string) => get("/reports/monthly", { query: { from, to } });
