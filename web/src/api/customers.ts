import type {
  CreateCustomerBody,
  CustomerDetail,
  CustomerListResponse,
  CustomerSalesResponse,
  LedgerResponse,
  OwingResponse,
  RepaymentBody,
  RepaymentResponse,
  UpdateCustomerBody,
} from "@duka/contracts";
import type { z } from "zod";
import { customersSaved, orSaved } from "../data/catalogue";
import { queueCustomer, queueRepayment } from "../data/outbox";
import { api } from "./client";

export type { CustomerDetail, CustomerSalesResponse, LedgerResponse, OwingResponse };
export type CustomerListItem = CustomerListResponse["items"][number];
export type LedgerEntry = LedgerResponse["entries"][number];

export type RepaymentResult = z.infer<typeof RepaymentResponse>;

const query = (params: Record<string, string | undefined>) => {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) qs.set(key, value);
  const s = qs.toString();
  return s ? `?${s}` : "";
};

/** Offline, the phone's copy of the customers answers (names, phones and balances). */
export const listCustomers = (params: { q?: string; cursor?: string | null; limit?: number }) =>
  orSaved(
    api.get<CustomerListResponse>(
      `/customers${query({ q: params.q?.trim(), cursor: params.cursor ?? undefined, limit: params.limit?.toString() })}`,
    ),
    () => customersSaved(params.q ?? "", params.limit ?? 30),
  );
export const listOwing = () => api.get<OwingResponse>("/customers/owing");
export const getCustomer = (id: string) => api.get<CustomerDetail>(`/customers/${encodeURIComponent(id)}`);
/** Made with its own id, so offline it is queued and sent later as the same customer. */
export async function createCustomer(body: CreateCustomerBody): Promise<CustomerDetail> {
  const withId = { ...body, id: body.id ?? clientId() };
  return orSaved(api.post<CustomerDetail>("/customers", withId), async () => {
    await queueCustomer(withId);
    return {
      id: withId.id,
      name: withId.name,
      phone: withId.phone ?? null,
      balance: 0,
      creditLimit: withId.creditLimit ?? null,
      archived: false,
      lastVisitAt: null,
    };
  });
}
export const updateCustomer = (id: string, body: UpdateCustomerBody) =>
  api.patch<CustomerDetail>(`/customers/${encodeURIComponent(id)}`, body);
export const getLedger = (id: string) => api.get<LedgerResponse>(`/customers/${encodeURIComponent(id)}/ledger`);
export const getPurchaseHistory = (id: string, cursor?: string | null) =>
  api.get<CustomerSalesResponse>(`/customers/${encodeURIComponent(id)}/sales${query({ cursor: cursor ?? undefined })}`);
/** Offline, the payment is queued with its id and the balance on the phone goes down at once. */
export const recordRepayment = (id: string, body: RepaymentBody & { id: string }) =>
  orSaved(api.post<RepaymentResult>(`/customers/${encodeURIComponent(id)}/payments`, body), async () => {
    const { recordedAt } = await queueRepayment(id, body);
    const balanceAfter = (await customersSaved("", 100_000))?.items.find((c) => c.id === id)?.balance ?? 0;
    return {
      id: body.id,
      customerId: id,
      amount: body.amount,
      method: body.method,
      createdAt: recordedAt,
      balanceAfter,
    };
  });

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
