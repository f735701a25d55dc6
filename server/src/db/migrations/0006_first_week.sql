ALTER TABLE "stock_levels" ADD COLUMN "counted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD COLUMN "carried" boolean DEFAULT true NOT NULL;--> statement-breakpoint
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
