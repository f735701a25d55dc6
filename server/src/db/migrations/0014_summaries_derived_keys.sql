ALTER TABLE "product_sales_daily" DROP CONSTRAINT "product_sales_daily_business_id_location_id_locations_business_id_id_fk";
--> statement-breakpoint
ALTER TABLE "product_sales_daily" DROP CONSTRAINT "product_sales_daily_business_id_user_id_users_business_id_id_fk";
--> statement-breakpoint
ALTER TABLE "product_sales_daily" DROP CONSTRAINT "product_sales_daily_business_id_product_id_products_business_id_id_fk";
--> statement-breakpoint
ALTER TABLE "sales_daily" DROP CONSTRAINT "sales_daily_business_id_location_id_locations_business_id_id_fk";
--> statement-breakpoint
ALTER TABLE "sales_daily" DROP CONSTRAINT "sales_daily_business_id_user_id_users_business_id_id_fk";
