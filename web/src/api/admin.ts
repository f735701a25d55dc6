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
import { api } from "./client";

// The owner's settings screens: people, locations, the business and its activity log.
export type { AuditItem, BusinessResponse, LocationItem, UserItem };

export interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

export const listUsers = () => api.get<{ items: UserItem[] }>("/users").then((r) => r.items);
export const createUser = (body: CreateUserBody) => api.post<UserItem>("/users", body);
export const updateUser = (id: string, body: UpdateUserBody) => api.patch<UserItem>(`/users/${id}`, body);
export const resetPassword = (id: string, password: string) =>
  api.post<{ ok: true }>(`/users/${id}/password`, { password });
export const changeOwnPassword = (body: ChangePasswordBody) => api.post<{ ok: true }>("/me/password", body);

export const createLocation = (body: CreateLocationBody) => api.post<LocationItem>("/locations", body);
export const updateLocation = (id: string, body: UpdateLocationBody) =>
  api.patch<LocationItem>(`/locations/${id}`, body);

export const updateBusiness = (body: UpdateBusinessBody) => api.patch<BusinessResponse>("/business", body);

export const fetchAudit = (cursor?: string | null) =>
  api.get<AuditPage>(cursor ? `/audit?cursor=${encodeURIComponent(cursor)}` : "/audit");
