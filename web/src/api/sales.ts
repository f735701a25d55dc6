import type {
  CreateSaleBody,
  DailyReport,
  LocationItem,
  MonthlyReport,
  ProductItem,
  ProductPage,
  RefundBody,
  Sale,
  SaleList,
  UserItem,
} from "@duka/contracts";
import { orSaved, searchSaved } from "../data/catalogue";
import { ApiError, api } from "./client";

// Types only from contracts: the server validates, so zod stays out of the phone's download.
export type { DailyReport, LocationItem, MonthlyReport, ProductItem, Sale, UserItem };
export type SaleSummary = SaleList["items"][number];
export type ReportRow = DailyReport["totals"];

const query = (params: Record<string, string | number | undefined>) => {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") qs.set(key, String(value));
  const s = qs.toString();
  return s ? `?${s}` : "";
};

/** Offline, the phone's copy of the catalogue answers. */
export const searchProducts = (q: string, limit = 20) =>
  orSaved(api.get<ProductPage>(`/products${query({ q, limit })}`), () => searchSaved(q, limit));

export const createSale = (body: CreateSaleBody) => api.post<Sale>("/sales", body);
export const getSale = (id: string) => api.get<Sale>(`/sales/${encodeURIComponent(id)}`);
export const voidSale = (id: string, reason: string) =>
  api.post<Sale>(`/sales/${encodeURIComponent(id)}/void`, { reason });
export const refundSale = (id: string, body: RefundBody) =>
  api.post<{ id: string; amount: number; sale: Sale }>(`/sales/${encodeURIComponent(id)}/refunds`, body);

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
export const listSales = (filters: SaleFilters) => api.get<SaleList>(`/sales${query({ ...filters, limit: 50 })}`);

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

export const listUsers = () => api.get<{ items: UserItem[] }>("/users");

export type ReportKind = "daily" | "monthly";
export const reportPath = (kind: ReportKind, from: string, to: string, format?: "csv") =>
  `/reports/${kind}${query({ from, to, format })}`;
export const dailyReport = (from: string, to: string) => api.get<DailyReport>(reportPath("daily", from, to));
export const monthlyReport = (from: string, to: string) => api.get<MonthlyReport>(reportPath("monthly", from, to));
