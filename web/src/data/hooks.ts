import type { BusinessSettings, LocationItem } from "@duka/contracts";
import { put, useData } from "./cache";

/** The business's locations, closed ones too (settings); `enabled` false asks nothing (no permission). */
export const useLocationList = (enabled = true) => useData("/locations", undefined, enabled);

/** The open locations, for pickers; an empty list when they cannot be had. */
export function useActiveLocations(enabled = true): LocationItem[] | undefined {
  const list = useLocationList(enabled);
  if (!enabled) return [];
  return list.data?.items.filter((l) => l.active) ?? (list.error === undefined ? undefined : []);
}

/** After adding or changing a location here: every screen sees it without asking the server. */
export function savedLocation(location: LocationItem, items: LocationItem[]): void {
  const index = items.findIndex((l) => l.id === location.id);
  put("/locations", {
    items: index < 0 ? [...items, location] : items.map((l) => (l.id === location.id ? location : l)),
  });
}

/** The shop's settings (payment methods, what staff may change at the till); undefined until known. */
export const useSettings = (): BusinessSettings | undefined => useData("/business").data?.settings;
