-- Row-level security: the second lock on the tenant door. The server works as duka_app, which owns
-- nothing, so FORCEd policies apply to every query; the business comes from
-- set_config('app.business_id', …, true) per transaction. No business set → no rows.
DO $$ BEGIN
  CREATE ROLE duka_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'duka_app', 'MEMBER') THEN
    EXECUTE format('GRANT duka_app TO %I', current_user);
  END IF;
EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO duka_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO duka_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO duka_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO duka_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO duka_app;
--> statement-breakpoint
GRANT USAGE ON SCHEMA drizzle TO duka_app;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO duka_app;
--> statement-breakpoint
CREATE FUNCTION app_business_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.business_id', true), '')::uuid $$;
--> statement-breakpoint
ALTER TABLE businesses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE businesses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON businesses USING (id = app_business_id()) WITH CHECK (id = app_business_id());
--> statement-breakpoint
ALTER TABLE locations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE locations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON locations USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON users USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON sessions USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON audit_log USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON customers USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE products FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON products USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE stock_levels ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_levels FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON stock_levels USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE stock_movements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_movements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON stock_movements USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE stock_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_counts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON stock_counts USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE stock_count_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stock_count_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON stock_count_lines USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE sales ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sales FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON sales USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE sale_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sale_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON sale_lines USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON payments USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE customer_ledger ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE customer_ledger FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON customer_ledger USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON documents USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
-- Sign-in must find an account before the business is known: only the row whose exact login was set.
CREATE POLICY sign_in ON users FOR SELECT USING (login = nullif(current_setting('app.login', true), ''));
--> statement-breakpoint
-- A session is found by the hash of its secret token; that one row, its user and business, in one
-- round trip, leaving app.business_id set for the rest of the transaction.
CREATE FUNCTION duka_resolve_session(p_token_hash text)
RETURNS TABLE (
  session_id uuid, business_id uuid, user_id uuid, created_at timestamptz, last_seen_at timestamptz,
  expires_at timestamptz, revoked_at timestamptz, user_name text, role text, user_active boolean,
  user_location_id uuid, business_name text, currency text, time_zone text, locale text, country text
) LANGUAGE plpgsql AS $$
DECLARE
  s sessions%ROWTYPE;
BEGIN
  PERFORM set_config('app.token_hash', p_token_hash, true);
  SELECT * INTO s FROM sessions WHERE token_hash = p_token_hash;
  PERFORM set_config('app.token_hash', '', true);
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM set_config('app.business_id', s.business_id::text, true);
  RETURN QUERY
    SELECT s.id, s.business_id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at,
           u.name, u.role, u.active, u.location_id, b.name, b.currency, b.time_zone, b.locale, b.country
    FROM users u JOIN businesses b ON b.id = u.business_id
    WHERE u.id = s.user_id;
END $$;
--> statement-breakpoint
CREATE POLICY by_token ON sessions FOR SELECT USING (token_hash = nullif(current_setting('app.token_hash', true), ''));
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION duka_resolve_session(text) TO duka_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_business_id() TO duka_app;
