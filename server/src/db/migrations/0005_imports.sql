CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"filename" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"header_key" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"payload" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "imports_kind_ck" CHECK ("imports"."kind" in ('products', 'customers')),
	CONSTRAINT "imports_status_ck" CHECK ("imports"."status" in ('preview', 'committed'))
);
--> statement-breakpoint
ALTER TABLE "customer_ledger" DROP CONSTRAINT "customer_ledger_kind_ck";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "price_at_sale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_business_id_created_by_users_business_id_id_fk" FOREIGN KEY ("business_id","created_by") REFERENCES "public"."users"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_business_idx" ON "imports" USING btree ("business_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_business_header_idx" ON "imports" USING btree ("business_id","header_key");--> statement-breakpoint
ALTER TABLE "customer_ledger" ADD CONSTRAINT "customer_ledger_kind_ck" CHECK ("customer_ledger"."kind" in ('credit_sale', 'repayment', 'void', 'refund', 'advance', 'opening'));--> statement-breakpoint
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON imports USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
