CREATE TABLE "product_sales_monthly" (
	"business_id" uuid NOT NULL,
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" numeric(20, 3) DEFAULT '0' NOT NULL,
	"revenue" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "product_sales_monthly_pk" PRIMARY KEY("business_id","month","product_id")
);
--> statement-breakpoint
CREATE TABLE "sales_monthly" (
	"business_id" uuid NOT NULL,
	"month" date NOT NULL,
	"location_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"payment_method" text NOT NULL,
	"sales_count" integer DEFAULT 0 NOT NULL,
	"items_sold" numeric(20, 3) DEFAULT '0' NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"net" bigint DEFAULT 0 NOT NULL,
	"voids_count" integer DEFAULT 0 NOT NULL,
	"voided_amount" bigint DEFAULT 0 NOT NULL,
	"cost_of_goods" bigint DEFAULT 0 NOT NULL,
	"lines_without_cost" integer DEFAULT 0 NOT NULL,
	"covered_revenue" numeric DEFAULT '0' NOT NULL,
	"covered_cost" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "sales_monthly_pk" PRIMARY KEY("business_id","month","location_id","user_id","payment_method")
);
--> statement-breakpoint
ALTER TABLE "product_sales_monthly" ADD CONSTRAINT "product_sales_monthly_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_monthly" ADD CONSTRAINT "sales_monthly_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE sales_monthly ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON sales_monthly USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE product_sales_monthly ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON product_sales_monthly USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
-- The months of the sales recorded before these tables: the sums of their days.
INSERT INTO sales_monthly (business_id, month, location_id, user_id, payment_method, sales_count, items_sold, gross,
  discounts, refunds, net, voids_count, voided_amount, cost_of_goods, lines_without_cost, covered_revenue, covered_cost)
SELECT business_id, date_trunc('month', business_date)::date, location_id, user_id, payment_method, sum(sales_count),
  sum(items_sold), sum(gross), sum(discounts), sum(refunds), sum(net), sum(voids_count), sum(voided_amount),
  sum(cost_of_goods), sum(lines_without_cost), sum(covered_revenue), sum(covered_cost)
FROM sales_daily GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO product_sales_monthly (business_id, month, product_id, quantity, revenue)
SELECT business_id, date_trunc('month', business_date)::date, product_id, sum(quantity), sum(revenue)
FROM product_sales_daily GROUP BY 1, 2, 3;
