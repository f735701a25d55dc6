import type { DashboardResponse } from "@duka/contracts";
import { api } from "./client";

export type Dashboard = DashboardResponse;
export type Period = "today" | "week" | "month";

export function fetchDashboard(period: Period, locationId?: string) {
  const query = new URLSearchParams({ period });
  if (locationId) query.set("locationId", locationId);
  return api.get<Dashboard>(`/dashboard?${query}`);
}
