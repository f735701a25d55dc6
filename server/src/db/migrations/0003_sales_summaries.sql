CREATE TABLE "product_sales_daily" (
	"business_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" numeric(20, 3) DEFAULT '0' NOT NULL,
	"revenue" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "product_sales_daily_pk" PRIMARY KEY("business_id","business_date","location_id","user_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "sales_daily" (
	"business_id" uuid NOT NULL,
	"business_date" date NOT NULL,
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
	CONSTRAINT "sales_daily_pk" PRIMARY KEY("business_id","business_date","location_id","user_id","payment_method")
);
--> statement-breakpoint
-- A sale's number is taken last in its transaction, just before commit (decision 004).
ALTER TABLE "sales" ALTER COLUMN "number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "product_sales_daily" ADD CONSTRAINT "product_sales_daily_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_daily" ADD CONSTRAINT "sales_daily_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE sales_daily ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sales_daily FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON sales_daily USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
ALTER TABLE product_sales_daily ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE product_sales_daily FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON product_sales_daily USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
--> statement-breakpoint
-- Fill the summaries from the sales already recorded (the same sums as modules/sales/summary.ts).
-- The policies are FORCEd, so the tables' owner sees no business's rows: lift them for this
-- transaction's backfill only, and put them back before it commits.
ALTER TABLE sales NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sale_lines NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sales_daily NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE product_sales_daily NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
INSERT INTO sales_daily (business_id, business_date, location_id, user_id, payment_method, sales_count, items_sold,
  gross, discounts, refunds, net, voids_count, voided_amount, cost_of_goods, lines_without_cost, covered_revenue, covered_cost)
SELECT s.business_id, s.business_date, s.location_id, s.user_id, s.payment_method,
  count(*) FILTER (WHERE ok), coalesce(sum(l.items) FILTER (WHERE ok), 0),
  coalesce(sum(s.subtotal + l.line_discount) FILTER (WHERE ok), 0), coalesce(sum(s.discount + l.line_discount) FILTER (WHERE ok), 0),
  coalesce(sum(r.refunds) FILTER (WHERE ok), 0), coalesce(sum(s.total - r.refunds) FILTER (WHERE ok), 0),
  count(*) FILTER (WHERE NOT ok), coalesce(sum(s.total) FILTER (WHERE NOT ok), 0),
  coalesce(sum(l.cogs) FILTER (WHERE ok), 0), coalesce(sum(l.no_cost) FILTER (WHERE ok), 0),
  coalesce(sum(l.covered_revenue) FILTER (WHERE ok), 0), coalesce(sum(l.covered_cost) FILTER (WHERE ok), 0)
FROM (SELECT *, status = 'completed' AS ok FROM sales) s
CROSS JOIN LATERAL (
  SELECT coalesce(sum(discount), 0) AS line_discount, coalesce(sum(quantity - refunded_quantity), 0) AS items,
    coalesce(sum(round(unit_cost * (quantity - refunded_quantity))), 0) AS cogs,
    count(*) FILTER (WHERE unit_cost IS NULL) AS no_cost,
    coalesce(sum(line_total::numeric * (quantity - refunded_quantity) / quantity
      * coalesce(s.total::numeric / nullif(s.subtotal, 0), 0)) FILTER (WHERE unit_cost IS NOT NULL), 0) AS covered_revenue,
    coalesce(sum(unit_cost * (quantity - refunded_quantity)), 0) AS covered_cost
  FROM sale_lines WHERE business_id = s.business_id AND sale_id = s.id) l
CROSS JOIN LATERAL (
  SELECT coalesce(sum(amount), 0) AS refunds FROM payments
  WHERE business_id = s.business_id AND sale_id = s.id AND kind = 'refund') r
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO product_sales_daily (business_id, business_date, location_id, user_id, product_id, quantity, revenue)
SELECT s.business_id, s.business_date, s.location_id, s.user_id, l.product_id, sum(l.quantity - l.refunded_quantity),
  sum(l.line_total::numeric * (l.quantity - l.refunded_quantity) / l.quantity * coalesce(s.total::numeric / nullif(s.subtotal, 0), 0))
FROM sales s JOIN sale_lines l ON l.business_id = s.business_id AND l.sale_id = s.id
WHERE s.status = 'completed'
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
ALTER TABLE sales FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sale_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sales_daily FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE product_sales_daily FORCE ROW LEVEL SECURITY;
