import type { CloseBody, ClosesList, DaySummary, DrawerClose, DrawerFigures, DrawerState } from "@duka/contracts";
import { api } from "./client";

export type { ClosesList, DaySummary, DrawerClose, DrawerFigures, DrawerState };

const query = (params: Record<string, string | undefined>) => {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) qs.set(key, value);
  const s = qs.toString();
  return s ? `?${s}` : "";
};

/** One drawer's expected cash and its standing count; by default one's own, today, where one works. */
export const fetchDrawer = (q: { userId?: string; locationId?: string } = {}) =>
  api.get<DrawerState>(`/closes/drawer${query(q)}`);

export const saveClose = (body: CloseBody) => api.post<DrawerClose>("/closes", body);

export const fetchCloses = (q: { from?: string; to?: string; locationId?: string } = {}) =>
  api.get<ClosesList>(`/closes${query(q)}`);

export const fetchDay = (q: { date?: string; locationId?: string } = {}) =>
  api.get<DaySummary>(`/closes/day${query(q)}`);
