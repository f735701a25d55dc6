-- Shop codes: six letters and digits that cannot be misread (no I, O, 0 or 1); existing businesses
-- get theirs from the column default.
CREATE OR REPLACE FUNCTION duka_shop_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '')
  FROM generate_series(1, 6)
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION duka_shop_code() TO duka_app;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX IF EXISTS "users_login_uq";--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN IF NOT EXISTS "code" text DEFAULT duka_shop_code() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "recovery_hash" text;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_business_id_user_id_users_business_id_id_fk" FOREIGN KEY ("business_id","user_id") REFERENCES "public"."users"("business_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "password_resets_token_hash_uq" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "businesses_code_uq" ON "businesses" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "users_business_login_uq" ON "users" USING btree ("business_id","login");--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "users_owner_login_uq" ON "users" USING btree ("login") WHERE "users"."role" = 'owner';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_login_idx" ON "users" USING btree ("login");
--> statement-breakpoint
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant ON password_resets;
--> statement-breakpoint
CREATE POLICY tenant ON password_resets USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
-- Staff sign-in names the shop by its code before the business is known: only that one row.
DROP POLICY IF EXISTS sign_in ON businesses;
--> statement-breakpoint
CREATE POLICY sign_in ON businesses FOR SELECT USING (code = nullif(current_setting('app.shop_code', true), ''));
--> statement-breakpoint
-- The session's business now also carries its shop code.
DROP FUNCTION IF EXISTS duka_resolve_session(text);
--> statement-breakpoint
CREATE FUNCTION duka_resolve_session(p_token_hash text)
RETURNS TABLE (
  session_id uuid, business_id uuid, user_id uuid, created_at timestamptz, last_seen_at timestamptz,
  expires_at timestamptz, revoked_at timestamptz, user_name text, role text, user_active boolean,
  user_location_id uuid, business_name text, currency text, time_zone text, locale text, country text,
  business_code text
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
           u.name, u.role, u.active, u.location_id, b.name, b.currency, b.time_zone, b.locale, b.country,
           b.code
    FROM users u JOIN businesses b ON b.id = u.business_id
    WHERE u.id = s.user_id;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION duka_resolve_session(text) TO duka_app;
--> statement-breakpoint
-- One sign-in attempt, counted before its password is checked (docs/decisions/010-sign-in-limits.md).
-- Under a lock per counter (taken in key order, so never a deadlock): when a counter that applies
-- holds p_limit attempts in the window, answer when it frees up and charge nothing; otherwise charge
-- every counter that applies and answer the fullest count before this one and the new rows' ids.
-- p_otherwise apply only where the p_known mark is absent.
CREATE OR REPLACE FUNCTION duka_reserve_attempt(
  p_always text[], p_known text, p_otherwise text[], p_now timestamptz,
  p_window interval, p_known_for interval, p_limit int
) RETURNS TABLE (free_at timestamptz, most int, ids bigint[]) LANGUAGE plpgsql AS $$
DECLARE
  k text;
  keys text[] := p_always;
  v_most int;
  v_free timestamptz;
BEGIN
  IF p_known IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM login_attempts a WHERE a.key = p_known AND a.at > p_now - p_known_for
  ) THEN
    keys := keys || p_otherwise;
  END IF;
  FOR k IN SELECT DISTINCT u.k FROM unnest(keys) AS u(k) ORDER BY u.k LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended(k, 0));
  END LOOP;
  SELECT max(c.n), max(c.pivot + p_window) FILTER (WHERE c.n >= p_limit) INTO v_most, v_free
  FROM (
    SELECT count(*)::int AS n, (array_agg(a.at ORDER BY a.at DESC))[p_limit] AS pivot
    FROM login_attempts a WHERE a.key = ANY (keys) AND a.at > p_now - p_window GROUP BY a.key
  ) c;
  IF v_free IS NOT NULL THEN
    RETURN QUERY SELECT v_free, v_most, NULL::bigint[];
    RETURN;
  END IF;
  RETURN QUERY
    WITH added AS (INSERT INTO login_attempts (key, at) SELECT u.k, p_now FROM unnest(keys) AS u(k) RETURNING id)
    SELECT NULL::timestamptz, coalesce(v_most, 0), array_agg(added.id) FROM added;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION duka_reserve_attempt(text[], text, text[], timestamptz, interval, interval, int) TO duka_app;
