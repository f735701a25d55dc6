CREATE INDEX "customers_business_name_prefix_idx" ON "customers" USING btree ("business_id",lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_name_words_idx" ON "customers" USING gin (to_tsvector('simple', "name"));--> statement-breakpoint
CREATE INDEX "customers_business_phone_prefix_idx" ON "customers" USING btree ("business_id","phone" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_business_phone_suffix_idx" ON "customers" USING btree ("business_id",reverse("phone") text_pattern_ops);