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
import { customersSaved, orSaved } from "../data/catalogue";
import { get, send, type Writes } from "../data/endpoints";
import { queueCustomer, queueRepayment } from "../data/outbox";

export type { CustomerDetail, CustomerSalesResponse, LedgerResponse, OwingResponse };
export type CustomerListItem = CustomerListResponse["items"][number];
export type LedgerEntry = LedgerResponse["entries"][number];

export type RepaymentResult = Writes["POST /customers/:id/payments"][1];

/** Offline, the phone's copy of the customers answers (names, phones and balances). */
export const listCustomers = (params: { q?: string; cursor?: string | null; limit?: number }) =>
  orSaved(get("/customers", { query: { q: params.q?.trim(), cursor: params.cursor, limit: params.limit } }), () =>
    customersSaved(params.q ?? "", params.limit ?? 30),
  );
export const listOwing = () => get("/customers/owing");
export const getCustomer = (id: string) => get("/customers/:id", { params: { id } });
/** Made with its own id, so offline it is queued and sent later as the same customer. */
export async function createCustomer(body: CreateCustomerBody): Promise<CustomerDetail> {
  const withId = { ...body, id: body.id ?? clientId() };
  return orSaved(send("POST /customers", { body: withId }), async () => {
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
  send("PATCH /customers/:id", { params: { id }, body });
export const getLedger = (id: string) => get("/customers/:id/ledger", { params: { id } });
export const getPurchaseHistory = (id: string, cursor?: string | null) =>
  get("/customers/:id/sales", { params: { id }, query: { cursor } });
/** Offline, the payment is queued with its id and the balance on the phone goes down at once. */
export const recordRepayment = (id: string, body: RepaymentBody & { id: string }) =>
  orSaved(send("POST /customers/:id/payments", { params: { id }, body }), async () => {
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
