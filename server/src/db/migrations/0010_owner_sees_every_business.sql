-- Row-level security stays on every business table for everyone but the tables owner, which is
-- how PostgreSQL treats an owner unless the policies are FORCEd. The server works as duka_app, which
-- owns nothing, so it stays confined; the owner (migrations, backups, restores) reads and writes every
-- business without BYPASSRLS, which a managed database such as RDS does not let its master user grant.
-- (docs/decisions/019-owner-reads-past-row-security.md)
ALTER TABLE businesses NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE locations NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE password_resets NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE customers NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_levels NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_movements NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_counts NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_count_lines NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sales NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sale_lines NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE customer_ledger NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sales_daily NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE product_sales_daily NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sync_attention NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE imports NO FORCE ROW LEVEL SECURITY;
