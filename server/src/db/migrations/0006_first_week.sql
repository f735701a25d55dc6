ALTER TABLE "stock_levels" ADD COLUMN IF NOT EXISTS "counted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD COLUMN IF NOT EXISTS "carried" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Stock known before this release was counted when it was first received, counted or imported there.
UPDATE "stock_levels" s SET "counted_at" = (
  SELECT min(m."created_at") FROM "stock_movements" m
  WHERE m."business_id" = s."business_id" AND m."product_id" = s."product_id" AND m."location_id" = s."location_id"
    AND m."kind" IN ('receive', 'count', 'import', 'transfer_in')
);--> statement-breakpoint
-- A product that never had stock anywhere was meant for every location: it is carried at each, not counted yet.
INSERT INTO "stock_levels" ("business_id", "product_id", "location_id")
SELECT p."business_id", p."id", l."id" FROM "products" p
JOIN "locations" l ON l."business_id" = p."business_id" AND l."active"
WHERE NOT p."archived"
  AND NOT EXISTS (SELECT 1 FROM "stock_levels" s WHERE s."business_id" = p."business_id" AND s."product_id" = p."id");
--> statement-breakpoint
-- A business without a country gets the one its time zone says (the owner can change it): phone
-- numbers typed the local way then read correctly.
UPDATE "businesses" b SET "country" = z."country"
FROM (VALUES
  ('Africa/Nairobi', 'KE'),
  ('Africa/Kampala', 'UG'),
  ('Africa/Dar_es_Salaam', 'TZ'),
  ('Africa/Kigali', 'RW'),
  ('Africa/Bujumbura', 'BI'),
  ('Africa/Addis_Ababa', 'ET'),
  ('Africa/Mogadishu', 'SO'),
  ('Africa/Juba', 'SS'),
  ('Africa/Kinshasa', 'CD'),
  ('Africa/Lubumbashi', 'CD'),
  ('Africa/Lusaka', 'ZM'),
  ('Africa/Blantyre', 'MW'),
  ('Africa/Maputo', 'MZ'),
  ('Africa/Johannesburg', 'ZA'),
  ('Africa/Lagos', 'NG'),
  ('Africa/Accra', 'GH'),
  ('Africa/Abidjan', 'CI'),
  ('Africa/Dakar', 'SN'),
  ('Africa/Bamako', 'ML'),
  ('Africa/Ouagadougou', 'BF'),
  ('Africa/Porto-Novo', 'BJ'),
  ('Africa/Lome', 'TG'),
  ('Africa/Niamey', 'NE'),
  ('Africa/Douala', 'CM'),
  ('Africa/Libreville', 'GA'),
  ('Africa/Brazzaville', 'CG'),
  ('Indian/Antananarivo', 'MG'),
  ('Africa/Cairo', 'EG'),
  ('Africa/Casablanca', 'MA'),
  ('Asia/Kolkata', 'IN'),
  ('Europe/London', 'GB'),
  ('Europe/Paris', 'FR'),
  ('America/New_York', 'US'),
  ('America/Chicago', 'US'),
  ('America/Denver', 'US'),
  ('America/Los_Angeles', 'US')
) AS z("time_zone", "country")
WHERE b."country" IS NULL AND b."time_zone" = z."time_zone";
