import type {
  AuditItem,
  BusinessResponse,
  ChangePasswordBody,
  CreateLocationBody,
  CreateUserBody,
  LocationItem,
  UpdateBusinessBody,
  UpdateLocationBody,
  UpdateUserBody,
  UserItem,
} from "@duka/contracts";
import { type Endpoints, get, send } from "../data/endpoints";

// The owner's settings screens: people, locations, the business and its activity log.
export type { AuditItem, BusinessResponse, LocationItem, UserItem };
export type AuditPage = Endpoints["/audit"];

export const listUsers = () => get("/users").then((r) => r.items);
export const createUser = (body: CreateUserBody) => send("POST /users", { body });
export const updateUser = (id: string, body: UpdateUserBody) => send("PATCH /users/:id", { params: { id }, body });
export const resetPassword = (id: string, password: string) =>
  send("POST /users/:id/password", { params: { id }, body: { password } });
export const changeOwnPassword = (body: ChangePasswordBody) => send("POST /me/password", { body });

export const createLocation = (body: CreateLocationBody) => send("POST /locations", { body });
export const updateLocation = (id: string, body: UpdateLocationBody) =>
  send("PATCH /locations/:id", { params: { id }, body });

export const updateBusiness = (body: UpdateBusinessBody) => send("PATCH /business", { body });

export const fetchAudit = (cursor?: string | null) => get("/audit", { query: { cursor } });
