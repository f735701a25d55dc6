ALTER TABLE "imports" DROP CONSTRAINT "imports_kind_ck";--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "kind" text DEFAULT 'sale' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "imported" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "register" text;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "cashier_name" text;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_business_external_uq" ON "sales" USING btree ("business_id","external_ref") WHERE "sales"."external_ref" is not null;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_kind_ck" CHECK ("imports"."kind" in ('products', 'customers', 'sales'));--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_kind_ck" CHECK ("sales"."kind" in ('sale', 'refund'));