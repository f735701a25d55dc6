import type {
  BusinessResponse,
  CustomerDetail,
  CustomerListResponse,
  FirstSteps,
  LocationList,
  MeResponse,
  OwingResponse,
  ProductPage,
  UserItem,
} from "@duka/contracts";
import type { z } from "zod";
import { request } from "../api/client";

// Types only from contracts: the server validates, so zod stays out of the phone's download.

/**
 * What each GET endpoint answers, from the contracts. A call names its route and gets this type:
 * nobody writes a response type by hand. A path parameter is written `:name`.
 */
export interface Endpoints {
  "/me": MeResponse;
  "/business": BusinessResponse;
  "/business/first-steps": FirstSteps;
  "/locations": z.infer<typeof LocationList>;
  "/users": { items: UserItem[] };
  "/products": ProductPage;
  "/customers": CustomerListResponse;
  "/customers/owing": OwingResponse;
  "/customers/:id": CustomerDetail;
}
export type Route = keyof Endpoints;

type ParamNames<P> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type Query = Record<string, string | number | boolean | undefined | null>;
/** Path parameters when the route has any, and an optional query string. */
export type Args<R extends Route> = [ParamNames<R>] extends [never]
  ? { query?: Query } | undefined
  : { params: Record<ParamNames<R>, string>; query?: Query };

/** The path a route and its arguments name: `/customers/:id` with `{ id: "x" }` → `/customers/x`. */
export function pathOf<R extends Route>(route: R, args?: Args<R>): string {
  const params = (args as { params?: Record<string, string> } | undefined)?.params ?? {};
  const path = route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(args?.query ?? {}))
    if (value !== undefined && value !== null && value !== "") qs.set(key, String(value));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** A typed GET: the answer's type follows from the route. */
export const get = <R extends Route>(route: R, ...args: [Args<R>?]): Promise<Endpoints[R]> =>
  request<Endpoints[R]>("GET", pathOf(route, args[0] as Args<R>));
