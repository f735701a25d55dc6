import type {
  AuditPage,
  BackupStatus,
  BusinessResponse,
  ChangePasswordBody,
  CloseBody,
  ClosesList,
  CreateCustomerBody,
  CreateLocationBody,
  CreateSaleBody,
  CreateUserBody,
  CustomerDetail,
  CustomerListResponse,
  CustomerSalesResponse,
  DailyReport,
  DashboardResponse,
  DaySummary,
  DiscardBody,
  Document,
  DocumentPage,
  DocumentUsage,
  DrawerClose,
  DrawerState,
  FirstSteps,
  ForgotBody,
  ImportCommitBody,
  ImportCommitResult,
  ImportHistory,
  ImportPreview,
  LedgerResponse,
  LocationItem,
  LocationList,
  LoginBody,
  LowStockCount,
  LowStockList,
  MeResponse,
  MonthlyReport,
  Ok,
  OwingResponse,
  ProductCategories,
  ProductCreateBody,
  ProductDetail,
  ProductPage,
  ProductPatchBody,
  RecoverBody,
  RecoveryCodeResponse,
  RecoveryOptions,
  RefundBody,
  RefundResponse,
  RepaymentBody,
  RepaymentResponse,
  ResetBody,
  ResetPasswordBody,
  Sale,
  SaleList,
  SignupBody,
  SignupResponse,
  StockAttention,
  StockCountCreateBody,
  StockCountDetail,
  StockCountLinesBody,
  StockCountList,
  StockMovementBody,
  StockMovementPage,
  StockMovementResult,
  SyncAttentionList,
  SyncBody,
  SyncResponse,
  UpdateBusinessBody,
  UpdateCustomerBody,
  UpdateLocationBody,
  UpdateUserBody,
  UserItem,
  UserList,
  VoidSaleBody,
} from "@duka/contracts";
import type { z } from "zod";
import { request } from "../api/client";
import { postForm } from "../api/form-upload";

// Types only from contracts: the server validates, so zod stays out of the phone's download.
type Of<S extends z.ZodType> = z.infer<S>;
type In<S extends z.ZodType> = z.input<S>;

/**
 * What each GET endpoint answers, from the contracts. A call names its route and gets this type:
 * nobody writes a response type by hand. A path parameter is written `:name`.
 */
export interface Endpoints {
  "/me": MeResponse;
  "/auth/recovery-options": Of<typeof RecoveryOptions>;
  "/business": BusinessResponse;
  "/business/first-steps": Of<typeof FirstSteps>;
  "/audit": Of<typeof AuditPage>;
  "/locations": Of<typeof LocationList>;
  "/users": Of<typeof UserList>;
  "/products": ProductPage;
  "/products/categories": Of<typeof ProductCategories>;
  "/products/:id": ProductDetail;
  "/stock-movements": Of<typeof StockMovementPage>;
  "/stock/attention": StockAttention;
  "/stock-counts": Of<typeof StockCountList>;
  "/stock-counts/:id": Of<typeof StockCountDetail>;
  "/alerts/low-stock": Of<typeof LowStockList>;
  "/alerts/low-stock/count": Of<typeof LowStockCount>;
  "/sales": SaleList;
  "/sales/:id": Sale;
  "/customers": CustomerListResponse;
  "/customers/owing": OwingResponse;
  "/customers/:id": CustomerDetail;
  "/customers/:id/ledger": LedgerResponse;
  "/customers/:id/sales": CustomerSalesResponse;
  "/reports/daily": DailyReport;
  "/reports/monthly": MonthlyReport;
  "/dashboard": DashboardResponse;
  "/documents": DocumentPage;
  "/documents/usage": DocumentUsage;
  "/imports": ImportHistory;
  "/backups/status": BackupStatus;
  "/sync/attention": SyncAttentionList;
  "/closes/drawer": DrawerState;
  "/closes": ClosesList;
  "/closes/day": DaySummary;
}
export type Route = keyof Endpoints;

/** What each write takes and answers: `"METHOD /path"` → its body (none: `undefined`) and answer. */
export interface Writes {
  "POST /auth/signup": [SignupBody, SignupResponse];
  "POST /auth/login": [LoginBody, MeResponse];
  "POST /auth/logout": [undefined, Of<typeof Ok>];
  "POST /auth/recover": [RecoverBody, RecoveryCodeResponse];
  "POST /auth/reset": [ResetBody, RecoveryCodeResponse];
  "POST /auth/forgot": [In<typeof ForgotBody>, Of<typeof Ok>];
  "POST /me/password": [ChangePasswordBody, Of<typeof Ok>];
  "PATCH /business": [UpdateBusinessBody, BusinessResponse];
  "POST /users": [CreateUserBody, UserItem];
  "PATCH /users/:id": [UpdateUserBody, UserItem];
  "POST /users/:id/password": [In<typeof ResetPasswordBody>, Of<typeof Ok>];
  "POST /locations": [CreateLocationBody, LocationItem];
  "PATCH /locations/:id": [UpdateLocationBody, LocationItem];
  "POST /products": [ProductCreateBody, ProductDetail];
  "PATCH /products/:id": [ProductPatchBody, ProductDetail];
  "POST /stock-movements": [StockMovementBody, Of<typeof StockMovementResult>];
  "POST /stock-counts": [In<typeof StockCountCreateBody>, Of<typeof StockCountDetail>];
  "PUT /stock-counts/:id/lines": [StockCountLinesBody, Of<typeof StockCountDetail>];
  "POST /stock-counts/:id/apply": [undefined, Of<typeof StockCountDetail>];
  "POST /stock-counts/:id/cancel": [undefined, Of<typeof StockCountDetail>];
  "POST /sales": [CreateSaleBody, Sale];
  "POST /sales/:id/void": [In<typeof VoidSaleBody>, Sale];
  "POST /sales/:id/refunds": [RefundBody, Of<typeof RefundResponse>];
  "POST /customers": [CreateCustomerBody, CustomerDetail];
  "PATCH /customers/:id": [UpdateCustomerBody, CustomerDetail];
  "POST /customers/:id/payments": [RepaymentBody, Of<typeof RepaymentResponse>];
  "DELETE /documents/:id": [undefined, Of<typeof Ok>];
  "POST /imports/:id/commit": [In<typeof ImportCommitBody>, Of<typeof ImportCommitResult>];
  "POST /sync": [In<typeof SyncBody>, SyncResponse];
  "POST /sync/attention/:id/accept": [undefined, Sale];
  "POST /sync/attention/:id/discard": [DiscardBody, Of<typeof Ok>];
  "POST /closes": [CloseBody, DrawerClose];
}
export type Write = keyof Writes;

/** Multipart uploads (a file with its fields) and what they answer. */
export interface Uploads {
  "/documents": Document;
  "/imports": ImportPreview;
}

type ParamNames<P> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type Query = Record<string, string | number | boolean | undefined | null>;
type ParamsOf<P> = [ParamNames<P>] extends [never] ? { params?: undefined } : { params: Record<ParamNames<P>, string> };
/** Path parameters when the route has any, and an optional query string. */
export type Args<R extends Route> = [ParamNames<R>] extends [never]
  ? { query?: Query } | undefined
  : { params: Record<ParamNames<R>, string>; query?: Query };

/** The path a route and its arguments name: `/customers/:id` with `{ id: "x" }` → `/customers/x`. */
export function pathOf(route: string, args?: { params?: Record<string, string>; query?: Query }): string {
  const params = args?.params ?? {};
  const path = route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(args?.query ?? {}))
    if (value !== undefined && value !== null && value !== "") qs.set(key, String(value));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** A typed GET: the answer's type follows from the route. */
export const get = <R extends Route>(route: R, ...args: [Args<R>?]): Promise<Endpoints[R]> =>
  request("GET", pathOf(route, args[0] as Args<R>)) as Promise<Endpoints[R]>;

type PathOf<W extends Write> = W extends `${string} ${infer P}` ? P : never;
/** A write's call: its path parameters, its body when it has one, and a longer wait if it needs one. */
export type Call<W extends Write> = ParamsOf<PathOf<W>> &
  (Writes[W][0] extends undefined ? { body?: undefined } : { body: Writes[W][0] }) & { timeoutMs?: number };
type CallArgs<W extends Write> = [ParamNames<PathOf<W>>] extends [never]
  ? Writes[W][0] extends undefined
    ? [Call<W>?]
    : [Call<W>]
  : [Call<W>];

/** A typed write: its body's and its answer's types follow from the route. */
export function send<W extends Write>(route: W, ...args: CallArgs<W>): Promise<Writes[W][1]> {
  const [method, path] = route.split(" ") as [string, string];
  const call = args[0] as { params?: Record<string, string>; body?: unknown; timeoutMs?: number } | undefined;
  const body = call?.body ?? (method === "DELETE" ? undefined : {});
  return request(method, pathOf(path, call), body, call?.timeoutMs) as Promise<Writes[W][1]>;
}

/** A typed upload, reporting its progress. */
export const upload = <U extends keyof Uploads>(route: U, form: FormData, onProgress: (fraction: number) => void) =>
  postForm(route, form, onProgress) as Promise<Uploads[U]>;
