import type {
  CreateCustomerBody,
  CustomerDetail,
  CustomerListResponse,
  CustomerSalesResponse,
  LedgerResponse,
  OwingResponse,
  RepaymentBody,
  UpdateCustomerBody,
} from "@duka/contracts";
import { api } from "./client";

export type { CustomerDetail, CustomerSalesResponse, LedgerResponse, OwingResponse };
export type CustomerListItem = CustomerListResponse["items"][number];
export type LedgerEntry = LedgerResponse["entries"][number];

export interface RepaymentResult {
  id: string;
  customerId: string;
  amount: number;
  method: string;
  createdAt: string;
  balanceAfter: number;
}

const query = (params: Record<string, string | undefined>) => {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) qs.set(key, value);
  const s = qs.toString();
  return s ? `?${s}` : "";
};

export const listCustomers = (params: { q?: string; cursor?: string | null; limit?: number }) =>
  api.get<CustomerListResponse>(
    `/customers${query({ q: params.q?.trim(), cursor: params.cursor ?? undefined, limit: params.limit?.toString() })}`,
  );
export const listOwing = () => api.get<OwingResponse>("/customers/owing");
export const getCustomer = (id: string) => api.get<CustomerDetail>(`/customers/${encodeURIComponent(id)}`);
export const createCustomer = (body: CreateCustomerBody) => api.post<CustomerDetail>("/customers", body);
export const updateCustomer = (id: string, body: UpdateCustomerBody) =>
  api.patch<CustomerDetail>(`/customers/${encodeURIComponent(id)}`, body);
export const getLedger = (id: string) => api.get<LedgerResponse>(`/customers/${encodeURIComponent(id)}/ledger`);
export const getPurchaseHistory = (id: string, cursor?: string | null) =>
  api.get<CustomerSalesResponse>(`/customers/${encodeURIComponent(id)}/sales${query({ cursor: cursor ?? undefined })}`);
export const recordRepayment = (id: string, body: RepaymentBody) =>
  api.post<RepaymentResult>(`/customers/${encodeURIComponent(id)}/payments`, body);

/** The owner's CSV of every customer; a plain link so the browser downloads it. */
export const CUSTOMERS_CSV_URL = "/api/v1/customers/export.csv";

/** Details the server sends with a refused duplicate phone: who already has it. */
export function duplicateOf(details: unknown): { customerId: string; name: string } | undefined {
  const d = details as { customerId?: unknown; name?: unknown } | undefined;
  return typeof d?.customerId === "string" && typeof d.name === "string"
    ? { customerId: d.customerId, name: d.name }
    : undefined;
}

/** An id made on the phone, so a repeated request (flaky network) finds the first one. */
export function clientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
