import type { ComponentType } from "preact";
import { lazy } from "../lib/lazy";
import Home from "../pages/home/Home";
import type { ScreenProps } from "../router";

/**
 * The signed-in screens by path. Home ships with the shell (it is the first thing an owner sees);
 * the rest download on first visit. Patterns may hold `:name` parts, handed to the screen as `params`.
 */
const customers: ComponentType<ScreenProps> = lazy(() => import("../pages/customers/CustomerList"));

export const ROUTES: Record<string, ComponentType<ScreenProps>> = {
  "/": Home,
  "/customers": customers,
  "/customers/owing": customers,
  "/customers/new": lazy(() => import("../pages/customers/AddCustomer")),
  "/customers/:id": lazy(() => import("../pages/customers/CustomerPage")),
  "/customers/:id/edit": lazy(() => import("../pages/customers/EditCustomer")),
  "/sell": lazy(() => import("../pages/sell/Sell")),
  "/sales": lazy(() => import("../pages/sell/SalesList")),
  "/sales/:id": lazy(() => import("../pages/sell/SaleDetail")),
  "/sales/:id/receipt": lazy(() => import("../pages/sell/Receipt")),
  "/reports": lazy(() => import("../pages/reports/Reports")),
  "/close": lazy(() => import("../pages/close/CloseDay")),
  "/outbox": lazy(() => import("../pages/outbox/Outbox")),
  "/more": lazy(() => import("../pages/settings/More")),
  ...stockRoutes(),
  "/more/staff": lazy(() => import("../pages/settings/Staff")),
  "/more/staff/new": lazy(() => import("../pages/settings/StaffNew")),
  "/more/staff/:id": lazy(() => import("../pages/settings/StaffPerson")),
  "/more/password": lazy(() => import("../pages/settings/Password")),
  "/more/locations": lazy(() => import("../pages/settings/Locations")),
  "/more/business": lazy(() => import("../pages/settings/Business")),
  "/more/activity": lazy(() => import("../pages/settings/Activity")),
  "/more/backups": lazy(() => import("../pages/settings/Backups")),
  "/more/import": lazy(() => import("../pages/settings/Import")),
};

/** The stock area: one lazy screen per file; receive, adjust and transfer share one form. */
function stockRoutes(): Record<string, ComponentType<ScreenProps>> {
  const move = lazy(() => import("../pages/stock/Move"));
  return {
    "/stock": lazy(() => import("../pages/stock/StockList")),
    "/stock/new": lazy(() => import("../pages/stock/ProductForm")),
    "/stock/low": lazy(() => import("../pages/stock/LowStock")),
    "/stock/counts": lazy(() => import("../pages/stock/Counts")),
    "/stock/counts/:id": lazy(() => import("../pages/stock/Count")),
    "/stock/:id": lazy(() => import("../pages/stock/ProductDetail")),
    "/stock/:id/edit": lazy(() => import("../pages/stock/ProductForm")),
    "/stock/:id/receive": move,
    "/stock/:id/adjust": move,
    "/stock/:id/transfer": move,
  };
}
