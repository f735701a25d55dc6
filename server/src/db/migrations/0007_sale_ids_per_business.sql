-- Sale ids are unique within their business, not across Duka: another business's id is a new sale
-- here. Existing ids are unique across Duka, so every row already satisfies the narrower key.
-- sales_business_id_uq (business_id, id) stays and is now the sales key; lines are keyed per business.
ALTER TABLE "sale_lines" DROP CONSTRAINT "sale_lines_sale_id_line_no_pk";--> statement-breakpoint
ALTER TABLE "sales" DROP CONSTRAINT "sales_pkey";--> statement-breakpoint
ALTER TABLE "sale_lines" ADD CONSTRAINT "sale_lines_business_id_sale_id_line_no_pk" PRIMARY KEY("business_id","sale_id","line_no");
