import type { CloseBody, ClosesList, DaySummary, DrawerClose, DrawerFigures, DrawerState } from "@duka/contracts";
import { get, send } from "../data/endpoints";

export type { ClosesList, DaySummary, DrawerClose, DrawerFigures, DrawerState };

/** One drawer's expected cash and its standing count; by default one's own, today, where one works. */
export const fetchDrawer = (query: { userId?: string; locationId?: string } = {}) => get("/closes/drawer", { query });

export const saveClose = (body: CloseBody) => send("POST /closes", { body });

/** The closes of a range of days (today when none is given), and the drawers not closed yet. */
export const fetchCloses = (query: { from?: string; to?: string; locationId?: string } = {}) =>
  get("/closes", { query });

export const fetchDay = (query: { date?: string; locationId?: string } = {}) => get("/closes/day", { query });
