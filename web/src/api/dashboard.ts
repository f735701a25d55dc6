import type { DashboardPeriod, DashboardResponse } from "@duka/contracts";
import { get } from "../data/endpoints";

export type Dashboard = DashboardResponse;
/** The periods the dashboard offers as buttons (a custom range is the reports' job). */
export type Period = Exclude<DashboardPeriod, "custom">;

export const fetchDashboard = (period: Period, locationId?: string) =>
  get("/dashboard", { query: { period, locationId } });
