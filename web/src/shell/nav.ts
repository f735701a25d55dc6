import { lowStockBadge, refreshLowStockBadge } from "../api/stock-alerts";
import type { IconName } from "../components/Icon";
import type { MessageKey } from "../i18n";
import type { Store } from "../lib/store";

/** A number on a nav entry (e.g. low-stock products), with the words a screen reader says after it. */
export interface NavBadge {
  store: Store<number>;
  refresh: () => Promise<void>;
  labelKey: MessageKey;
}

/** One entry of the bottom bar; shown only to users whose role grants `permission` (see /me). */
export interface NavItem {
  path: string;
  labelKey: MessageKey;
  icon: IconName;
  permission: string;
  badge?: NavBadge;
}

/**
 * The bottom navigation, left to right. Each area adds its entry here and its screen in routes.ts.
 * Home is a dashboard (for staff: their own sales, never the till again); "More" sits in the top
 * bar so that Reports and the sales list fit under the owner's thumb.
 */
export const NAV_ITEMS: NavItem[] = [
  { path: "/sell", labelKey: "nav.sell", icon: "sell", permission: "sales.create" },
  { path: "/", labelKey: "nav.home", icon: "home", permission: "dashboard.read" },
  { path: "/sales", labelKey: "nav.sales", icon: "receipt", permission: "sales.read" },
  {
    path: "/stock",
    labelKey: "nav.stock",
    icon: "stock",
    permission: "products.read",
    badge: { store: lowStockBadge, refresh: refreshLowStockBadge, labelKey: "nav.stock.badge" },
  },
  { path: "/customers", labelKey: "nav.customers", icon: "customers", permission: "customers.read" },
  { path: "/reports", labelKey: "nav.reports", icon: "dashboard", permission: "reports.read" },
];

/** The settings menu, reached from the top bar by everyone. */
export const MORE_ITEM: NavItem = { path: "/more", labelKey: "nav.more", icon: "more", permission: "session" };

export const visibleNav = (permissions: readonly string[]) =>
  NAV_ITEMS.filter((item) => permissions.includes(item.permission));

/** The nav entry a path belongs to: "/more/language" lights up "More". */
export function activeNav(items: NavItem[], path: string): NavItem | undefined {
  return items
    .filter((item) => path === item.path || (item.path !== "/" && path.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
