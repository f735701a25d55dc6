/**
 * The whole data model, one file per aggregate under schema/. Money is bigint minor units (mode
 * "number": safe up to 2^53, checked at the edge); quantities are numeric(14,3) — exact, three
 * decimals for weighed goods (see docs/decisions/003-quantities-and-money.md). Every
 * business-owned table carries business_id and is protected by row-level security
 * (migrations/0001_rls.sql).
 */
export * from "./schema/audit.js";
export * from "./schema/backups.js";
export * from "./schema/business.js";
export * from "./schema/closes.js";
export * from "./schema/customers.js";
export * from "./schema/documents.js";
export * from "./schema/imports.js";
export * from "./schema/products.js";
export * from "./schema/sales.js";
export * from "./schema/stock.js";
export * from "./schema/summaries.js";
export * from "./schema/sync.js";
export * from "./schema/users.js";

/** Tables that hold one business's data: each is under row-level security. */
export const businessTables = [
  "businesses",
  "locations",
  "users",
  "sessions",
  "password_resets",
  "audit_log",
  "customers",
  "products",
  "stock_levels",
  "stock_movements",
  "stock_counts",
  "stock_count_lines",
  "sales",
  "sale_lines",
  "payments",
  "customer_ledger",
  "documents",
  "sales_daily",
  "sales_monthly",
  "product_sales_daily",
  "product_sales_monthly",
  "sync_attention",
  "imports",
  "drawer_closes",
] as const;
