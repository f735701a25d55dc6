import type { Role } from "@duka/contracts";

/**
 * What each role may do: the one table every route guard reads. Owners may do everything;
 * staff sell, look up products and stock, receive and count stock, and serve customers.
 */
export const PERMISSIONS = [
  "session", // any signed-in user: /me, logout, own password
  "products.read",
  "products.write",
  "stock.read",
  "stock.receive",
  "stock.count",
  "stock.adjust",
  "stock.transfer",
  "stock.export",
  "sales.create",
  "sales.read", // staff: their own sales only (the row scope is `sees.allSales` in policy.ts)
  "sales.read.all", // everyone's sales, not only one's own
  "sales.void",
  "sales.backdate",
  "sales.price.any", // not bound by the staff rules on changed prices and discounts
  "cost.read", // what goods cost the shop: costs, margins, stock value at cost
  "credit.override", // sell past a customer's credit limit, take an advance payment
  "customers.read",
  "customers.create",
  "customers.write", // edit customers, their contacts and credit limits
  "customers.history",
  "customers.payments",
  "customers.export",
  "reports.read",
  "drawers.close", // count one's own cash drawer at closing, and read one's own closes
  "drawers.close.any", // count anyone's drawer, and read every close
  "dashboard.read",
  "users.manage",
  "locations.read",
  "locations.manage", // also: see closed locations
  "audit.read",
  "settings.manage",
  "documents.read",
  "documents.write",
  "documents.delete",
  "backups.read",
  "data.export", // the whole business as CSV files (owners: their data is never locked in)
  "data.import", // bring products and customers in from files (templates, other POS)
  "sync.any", // every phone's refused writes, and sales kept on a phone offline for more than 7 days
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: readonly Permission[] = [
  "session",
  "products.read",
  "stock.read",
  "stock.receive",
  "stock.count",
  "sales.create",
  "sales.read",
  "customers.read",
  "customers.create",
  "customers.payments",
  "drawers.close",
  "dashboard.read",
  "locations.read",
  "documents.read",
  "documents.write",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  staff: new Set(STAFF),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Who may call a route: anyone, or a signed-in user holding the permission. */
export type Access = "public" | Permission;
