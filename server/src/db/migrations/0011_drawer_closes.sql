CREATE TABLE "drawer_closes" (
	"id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"closed_by" uuid NOT NULL,
	"opening_float" bigint DEFAULT 0 NOT NULL,
	"cash_sales" bigint NOT NULL,
	"cash_refunds" bigint NOT NULL,
	"repayments" bigint NOT NULL,
	"expected" bigint NOT NULL,
	"counted" bigint NOT NULL,
	"note" text,
	"replaces_id" uuid,
	"superseded_at" timestamp with time zone,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drawer_closes_business_id_id_pk" PRIMARY KEY("business_id","id"),
	CONSTRAINT "drawer_closes_money_ck" CHECK ("drawer_closes"."counted" >= 0 and "drawer_closes"."opening_float" >= 0)
);
--> statement-breakpoint
ALTER TABLE "drawer_closes" ADD CONSTRAINT "drawer_closes_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drawer_closes" ADD CONSTRAINT "drawer_closes_business_id_location_id_locations_business_id_id_fk" FOREIGN KEY ("business_id","location_id") REFERENCES "public"."locations"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drawer_closes" ADD CONSTRAINT "drawer_closes_business_id_user_id_users_business_id_id_fk" FOREIGN KEY ("business_id","user_id") REFERENCES "public"."users"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drawer_closes" ADD CONSTRAINT "drawer_closes_business_id_closed_by_users_business_id_id_fk" FOREIGN KEY ("business_id","closed_by") REFERENCES "public"."users"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drawer_closes_current_uq" ON "drawer_closes" USING btree ("business_id","business_date","location_id","user_id") WHERE "drawer_closes"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "drawer_closes_day_idx" ON "drawer_closes" USING btree ("business_id","business_date");--> statement-breakpoint
ALTER TABLE drawer_closes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON drawer_closes USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
