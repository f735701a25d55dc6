import type { ImportCounts, ImportPreview } from "@duka/contracts";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { AppError } from "../../lib/errors.js";
import { headerKey } from "./headers.js";
import { keepPreview } from "./imports.repository.js";
import { KEPT_MS, MAX_ISSUES, type Payload, PREVIEW_ROWS, type Upload } from "./imports.service.js";
import type { Issues } from "./issues.js";
import type { Table } from "./read.js";
import { planSales, salePreview } from "./sales.commit.js";
import { knownSales, type SaleSource } from "./sales.sources.js";
import { type SaleRecord, validateSales } from "./sales.validate.js";

/** Receipts read from a file, checked: what a preview of past sales is made from. */
export interface SalesInput {
  format: SaleSource["format"] | "duka_export";
  mapping: Record<string, string>;
  headers: string[];
  records: SaleRecord[];
  issues: Issues;
}

/** A table of past sales in a layout Duka knows (a receipt's amounts cannot be guessed from column names safely). */
export function salesFromTable(ctx: Ctx, table: Table): SalesInput {
  const source = knownSales(table);
  if (!source) {
    throw new AppError(
      "import_sales_unknown",
      400,
      "Duka reads past sales from a Loyverse receipts export (receipts, or receipts by item), or from Duka's own export (the zip). This file is none of these.",
    );
  }
  const withLines = source.format === "loyverse_receipt_items";
  const { records, issues } = validateSales(ctx, source.records, {
    decimalComma: table.decimalComma,
    withLines,
    monthFirst: source.monthFirst,
  });
  return { format: source.format, mapping: source.mapping, headers: table.headers, records, issues };
}

/** Past sales matched by receipt number, counted and kept for an hour; nothing else is written. */
export async function previewSales(
  db: Db,
  ctx: Ctx,
  upload: Upload,
  input: SalesInput,
  now: Date,
): Promise<ImportPreview> {
  const { records, issues, format: sourceFormat } = input;
  const source = { format: sourceFormat, mapping: input.mapping };
  return inBusiness(db, ctx.businessId, async (tx) => {
    const plan = await planSales(tx, ctx, records, issues);
    const counts: ImportCounts = {
      new: plan.items.filter((i) => i.action === "new").length,
      update: plan.items.filter((i) => i.action === "update").length,
      unchanged: plan.items.filter((i) => i.action === "unchanged").length,
      error: issues.errorRows,
    };
    const expiresAt = new Date(now.getTime() + KEPT_MS);
    const payload: Payload = {
      records: plan.items.map((i) => i.record),
      newLocations: plan.newLocations,
      newProducts: plan.newProducts,
    };
    const key = headerKey("sales", input);
    const kept = { kind: "sales", format: source.format, filename: upload.filename, headerKey: key };
    const id = await keepPreview(tx, ctx, { ...kept, mapping: source.mapping, counts, payload }, now, expiresAt);
    const { errors, warnings } = issues.sorted();
    return {
      id,
      kind: "sales",
      format: source.format,
      filename: upload.filename,
      counts,
      errors: errors.slice(0, MAX_ISSUES),
      warnings: warnings.slice(0, MAX_ISSUES),
      preview: plan.items.slice(0, PREVIEW_ROWS).map(salePreview),
      headers: input.headers,
      fields: [],
      mapping: source.mapping,
      mappingSource: "format",
      newLocations: plan.newLocations,
      expiresAt: expiresAt.toISOString(),
    };
  });
}
