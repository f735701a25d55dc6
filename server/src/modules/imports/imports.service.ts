import type { ImportCounts, ImportFormat, ImportKind, ImportMapping, ImportPreview } from "@duka/contracts";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { type CustomerRecord, customerPreview, planCustomers, validateCustomers } from "./customers.import.js";
import { applyCustomers } from "./customers-import.repository.js";
import { dukaExportSales, readDukaExport } from "./duka-sales.js";
import { dukaMapping, fieldsOf, headerKey, type MappedKind, proposeMapping } from "./headers.js";
import {
  firstLocationName,
  importHistory,
  keepPreview,
  keptPayload,
  lockImport,
  markCommitted,
  rememberedMapping,
} from "./imports.repository.js";
import { Issues } from "./issues.js";
import { planProducts, productPreview } from "./products.commit.js";
import { type ProductRecord, validateProducts } from "./products.validate.js";
import { applyProducts } from "./products-import.repository.js";
import { readTable, type Table } from "./read.js";
import { commitSales, type SalePlan } from "./sales.commit.js";
import { previewSales, salesFromTable } from "./sales.preview.js";
import { keptReceipts } from "./sales.repository.js";
import type { SaleRecord } from "./sales.validate.js";
import { knownCustomers, knownProducts, mappedCustomers, mappedProducts, recognisedKind } from "./sources.js";

export const KEPT_MS = 60 * 60 * 1000;
export const PREVIEW_ROWS = 50;
/** Beyond this the owner fixes the file first; the count still says how many rows are wrong. */
export const MAX_ISSUES = 500;

export interface Upload {
  bytes: Buffer;
  filename: string;
  kind: ImportKind;
  mapping?: ImportMapping | undefined;
  sheet?: string | undefined;
}

export interface Payload {
  records: (ProductRecord | CustomerRecord | SaleRecord)[];
  newLocations: string[];
  newProducts?: SalePlan["newProducts"];
}

type MappingSource = ImportPreview["mappingSource"];

const KIND_WORDS: Record<ImportKind, string> = { products: "products", customers: "customers", sales: "past sales" };

/** Which columns to read: a layout Duka knows, the owner's mapping, the one used last time, or a proposal. */
async function chooseMapping(db: Db, ctx: Ctx, kind: MappedKind, upload: Upload, table: Table) {
  const key = headerKey(kind, table);
  if (upload.mapping) {
    const fields = fieldsOf(kind) as readonly string[];
    for (const [field, header] of Object.entries(upload.mapping)) {
      if (!fields.includes(field)) throw badRequest(`"${field}" is not something Duka reads for ${KIND_WORDS[kind]}.`);
      if (!table.headers.includes(header)) {
        throw new AppError("import_bad_mapping", 400, `The file has no column "${header}".`, { column: header });
      }
    }
    return { key, mapping: upload.mapping, source: "given" as MappingSource, format: "mapped" as ImportFormat };
  }
  const duka = dukaMapping(kind, table.headers);
  if (duka) return { key, mapping: duka, source: "format" as MappingSource, format: "duka" as ImportFormat };
  const last = await inBusiness(db, ctx.businessId, (tx) => rememberedMapping(tx, ctx.businessId, key));
  if (last)
    return { key, mapping: last.mapping, source: "remembered" as MappingSource, format: "mapped" as ImportFormat };
  return {
    key,
    mapping: proposeMapping(kind, table.headers),
    source: "proposed" as MappingSource,
    format: "mapped" as ImportFormat,
  };
}

const wrongKind = (seen: ImportKind, asked: ImportKind) =>
  new AppError(
    "wrong_kind",
    400,
    `This looks like a file of ${KIND_WORDS[seen]}, not ${KIND_WORDS[asked]}. Choose "${KIND_WORDS[seen]}" and upload it again.`,
    { kind: seen },
  );

/** Reads, checks and matches a file, and keeps the result for an hour; writes nothing else. */
export async function previewImport(db: Db, ctx: Ctx, upload: Upload, now: Date): Promise<ImportPreview> {
  const exported = readDukaExport(upload.bytes);
  if (exported) {
    if (upload.kind !== "sales") throw wrongKind("sales", upload.kind);
    const { records, issues } = dukaExportSales(exported);
    const input = { format: "duka_export" as const, mapping: {}, headers: exported.headers, records, issues };
    return previewSales(db, ctx, upload, input, now);
  }
  const table = await readTable(upload.bytes, { sheet: upload.sheet });
  // The readers below take the rows as they go (a file is not held twice): count them first.
  const rowCount = table.rows.length;
  const seen = recognisedKind(table);
  if (seen && seen !== upload.kind) throw wrongKind(seen, upload.kind);
  if (upload.kind === "sales") return previewSales(db, ctx, upload, salesFromTable(ctx, table), now);
  const kind = upload.kind;
  const known = kind === "products" ? knownProducts(table) : knownCustomers(table);
  const chosen = known
    ? { key: headerKey(kind, table), mapping: known.mapping, source: "format" as MappingSource, format: known.format }
    : await chooseMapping(db, ctx, kind, upload, table);
  const required = kind === "products" ? ["name", "price"] : ["name"];
  const missing = known ? [] : required.filter((f) => !chosen.mapping[f]);

  let issues = new Issues();
  let records: (ProductRecord | CustomerRecord)[] = [];
  if (missing.length) {
    issues.error(1, null, "choose_columns", `Choose the column that holds the ${missing.join(" and the ")}.`, {
      fields: missing.join(","),
    });
  } else if (kind === "products") {
    const firstLocation = await inBusiness(db, ctx.businessId, (tx) => firstLocationName(tx, ctx.businessId));
    const source = known ?? mappedProducts(table, chosen.mapping, chosen.format, firstLocation);
    ({ records, issues } = validateProducts(
      ctx,
      source.records as Parameters<typeof validateProducts>[1],
      table.decimalComma,
    ));
  } else {
    const source = known ?? mappedCustomers(table, chosen.mapping, chosen.format);
    ({ records, issues } = validateCustomers(
      ctx,
      source.records as Parameters<typeof validateCustomers>[1],
      table.decimalComma,
    ));
  }

  return inBusiness(db, ctx.businessId, async (tx) => {
    const planned =
      kind === "products"
        ? await planProducts(tx, ctx, records as ProductRecord[], issues)
        : { ...(await planCustomers(tx, ctx, records as CustomerRecord[], issues)), newLocations: [] as string[] };
    const items = planned.items as { record: ProductRecord | CustomerRecord; action: "new" | "update" | "unchanged" }[];
    const kept = items.filter((i) => !issues.hasError(i.record.row));
    const counts: ImportCounts = {
      new: kept.filter((i) => i.action === "new").length,
      update: kept.filter((i) => i.action === "update").length,
      unchanged: kept.filter((i) => i.action === "unchanged").length,
      error: missing.length ? rowCount : issues.errorRows,
    };
    const expiresAt = new Date(now.getTime() + KEPT_MS);
    const payload: Payload = { records: kept.map((i) => i.record), newLocations: planned.newLocations };
    const id = await keepPreview(
      tx,
      ctx,
      {
        kind,
        format: chosen.format,
        filename: upload.filename,
        headerKey: chosen.key,
        mapping: chosen.mapping,
        counts,
        payload,
      },
      now,
      expiresAt,
    );
    const { errors, warnings } = issues.sorted();
    const show = kept.slice(0, PREVIEW_ROWS);
    return {
      id,
      kind,
      format: chosen.format,
      filename: upload.filename,
      counts,
      errors: errors.slice(0, MAX_ISSUES),
      warnings: warnings.slice(0, MAX_ISSUES),
      preview:
        kind === "products"
          ? (show as Parameters<typeof productPreview>[0][]).map(productPreview)
          : (show as Parameters<typeof customerPreview>[0][]).map(customerPreview),
      headers: table.headers,
      fields: [...fieldsOf(kind)],
      mapping: chosen.mapping,
      mappingSource: chosen.source,
      newLocations: planned.newLocations,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

export interface CommitOptions {
  createLocations?: boolean | undefined;
  skipErrors?: boolean | undefined;
}

/** Saves a kept preview in one transaction, matched again against the data as it is now. */
export async function commitImport(db: Db, ctx: Ctx, id: string, opts: CommitOptions, now: Date) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const row = await lockImport(tx, ctx.businessId, id);
    if (!row) throw notFound("Import");
    if (row.status === "committed") throw conflict("import_committed", "This file has already been brought in.");
    if (row.expiresAt < now || !row.kept) {
      throw new AppError("import_expired", 410, "This preview is more than an hour old. Upload the file again.");
    }
    if (row.counts.error > 0 && !opts.skipErrors) {
      throw conflict(
        "import_has_errors",
        `${row.counts.error} rows have errors. Fix them in the file and upload it again, or bring in the other rows only.`,
        { count: row.counts.error },
      );
    }
    const newLocations = row.newLocations;
    if (newLocations.length && !opts.createLocations) {
      throw conflict(
        "confirm_locations",
        `The file names stores Duka does not have yet: ${newLocations.join(", ")}. Confirm to create them.`,
        { locations: newLocations, names: newLocations.join(", ") },
      );
    }
    const issues = new Issues();
    const reason = `Import: ${row.filename}`.slice(0, 200);
    let done: Omit<ImportCounts, "error">;
    if (row.kind === "sales") {
      // A year of receipts is read back a batch at a time, never whole (decision 021).
      const batches = keptReceipts<SaleRecord>(tx, ctx.businessId, id);
      done = await commitSales(tx, ctx, batches, reason, now);
    } else {
      const payload = (await keptPayload(tx, ctx.businessId, id)) as Payload;
      let items: { action: "new" | "update" | "unchanged" }[];
      if (row.kind === "products") {
        const plan = await planProducts(tx, ctx, payload.records as ProductRecord[], issues, { lock: true });
        if (!issues.errorRows) await applyProducts(tx, ctx, plan, reason, now);
        items = plan.items;
      } else {
        const plan = await planCustomers(tx, ctx, payload.records as CustomerRecord[], issues);
        if (!issues.errorRows) await applyCustomers(tx, ctx, plan.items, reason, now);
        items = plan.items;
      }
      done = {
        new: items.filter((i) => i.action === "new").length,
        update: items.filter((i) => i.action === "update").length,
        unchanged: items.filter((i) => i.action === "unchanged").length,
      };
    }
    if (issues.errorRows) {
      throw conflict("import_changed", "Products or customers changed since the preview. Upload the file again.", {
        errors: issues.sorted().errors.slice(0, MAX_ISSUES),
      });
    }
    const counts: ImportCounts = { ...done, error: row.counts.error };
    await markCommitted(tx, ctx.businessId, id, { counts, userId: ctx.userId, at: now });
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "import.committed",
      entity: "import",
      entityId: id,
      details: { kind: row.kind, format: row.format, filename: row.filename, counts },
    });
    return { id, counts };
  });
}

/** The import history: committed files, newest first. */
export async function listImports(db: Db, ctx: Ctx) {
  const rows = await inBusiness(db, ctx.businessId, (tx) => importHistory(tx, ctx.businessId));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      format: r.format,
      filename: r.filename,
      counts: r.counts,
      userName: r.user_name,
      committedAt: new Date(r.committed_at).toISOString(),
    })),
  };
}
