CREATE TABLE "sync_attention" (
	"business_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_attention_business_id_client_id_pk" PRIMARY KEY("business_id","client_id"),
	CONSTRAINT "sync_attention_kind_ck" CHECK ("sync_attention"."kind" in ('sale', 'customer', 'repayment')),
	CONSTRAINT "sync_attention_status_ck" CHECK ("sync_attention"."status" in ('open', 'resolved', 'discarded'))
);
--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "offline" jsonb;--> statement-breakpoint
ALTER TABLE "sync_attention" ADD CONSTRAINT "sync_attention_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_attention" ADD CONSTRAINT "sync_attention_business_id_user_id_users_business_id_id_fk" FOREIGN KEY ("business_id","user_id") REFERENCES "public"."users"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_attention_open_idx" ON "sync_attention" USING btree ("business_id","status","created_at");--> statement-breakpoint
ALTER TABLE sync_attention ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sync_attention FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON sync_attention USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
