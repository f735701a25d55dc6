import { z } from "zod";
import { Id, Instant } from "./common.js";

export const ImportKind = z.enum(["products", "customers", "sales"]);
export type ImportKind = z.infer<typeof ImportKind>;

/** The file's layout, recognised from its header row. */
export const ImportFormat = z.enum([
  "duka",
  "loyverse_items",
  "loyverse_customers",
  "square_items",
  "ospos_items",
  "ospos_customers",
  "loyverse_receipts",
  "loyverse_receipt_items",
  /** Duka's own export zip (its sales.csv and sale_lines.csv), read back as past sales. */
  "duka_export",
  "mapped",
]);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const PRODUCT_IMPORT_FIELDS = [
  "name",
  "sku",
  "barcode",
  "category",
  "price",
  "cost",
  "unit",
  "soldByWeight",
  "lowStockThreshold",
  "stock",
] as const;
export const CUSTOMER_IMPORT_FIELDS = ["name", "phone", "email", "address", "creditLimit", "openingBalance"] as const;

/** Which column of the file holds each field: { name: "Product", price: "Selling price" }. */
export const ImportMapping = z
  .record(z.string().max(40), z.string().max(200))
  .refine((m) => Object.keys(m).length <= 20, {
    message: "has too many fields",
  });
export type ImportMapping = z.infer<typeof ImportMapping>;

/** The form fields sent before the file. */
export const ImportUploadFields = z.object({
  kind: ImportKind,
  /** JSON of an ImportMapping, for a file Duka does not recognise. */
  mapping: z
    .string()
    .max(4000)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        const parsed = ImportMapping.safeParse(JSON.parse(s));
        if (parsed.success) return parsed.data;
      } catch {
        // fall through to the message below
      }
      ctx.addIssue({ code: "custom", message: "must be a column mapping" });
      return z.NEVER;
    }),
  /** For an XLSX with several sheets: which one to read. */
  sheet: z.string().max(100).optional(),
});

export const ImportCounts = z.object({
  new: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** What can be wrong with a row: the screen words each in the shop's language, with its params. */
export const IMPORT_ISSUE_CODES = [
  "amount_invalid",
  "amount_negative",
  "amount_decimals",
  "amount_no_cents",
  "amount_too_large",
  "quantity_invalid",
  "quantity_negative",
  "quantity_decimals",
  "quantity_too_large",
  "quantity_zero",
  "too_long",
  "name_with_variant_too_long",
  "product_name_missing",
  "customer_name_missing",
  "price_missing",
  "yes_or_no",
  "barcode_scientific",
  "duplicate_sku",
  "duplicate_barcode",
  "duplicate_phone",
  "duplicate_receipt",
  "sku_taken",
  "barcode_taken",
  "same_as_row",
  "phone_unreadable",
  "email_invalid",
  "choose_columns",
  "receipt_missing",
  "date_invalid",
  "net_missing",
  "amounts_mismatch",
  "item_missing",
  "product_added",
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

export const ImportIssue = z.object({
  /** The row number as a spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.enum(IMPORT_ISSUE_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The same in English, for scripts and logs. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportPreviewRow = z.object({
  row: z.number().int(),
  action: z.enum(["new", "update", "unchanged"]),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const ImportPreview = z.object({
  id: Id,
  kind: ImportKind,
  format: ImportFormat,
  filename: z.string(),
  counts: ImportCounts,
  errors: z.array(ImportIssue),
  /** Kept but changed: a barcode a spreadsheet turned into 4.8E+12 is dropped, the row imported. */
  warnings: z.array(ImportIssue),
  /** The first 50 rows as they will be saved. */
  preview: z.array(ImportPreviewRow),
  /** The file's columns and which field each was read as; the owner may change it and upload again. */
  headers: z.array(z.string()),
  /** The fields Duka reads for this kind, in the order the mapping step shows them. */
  fields: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  mappingSource: z.enum(["format", "proposed", "remembered", "given"]),
  /** Stores named in the file that the business does not have: created on commit once confirmed. */
  newLocations: z.array(z.string()),
  expiresAt: Instant,
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitBody = z.object({
  /** The owner agrees to create the stores in newLocations. */
  createLocations: z.boolean().optional(),
  /** Import the good rows and leave out the rows with errors. */
  skipErrors: z.boolean().optional(),
});

export const ImportCommitResult = z.object({ id: Id, counts: ImportCounts });

export const ImportHistoryItem = z.object({
  id: Id,
  kind: ImportKind,
  format: ImportFormat,
  filename: z.string(),
  counts: ImportCounts,
  userName: z.string().nullable(),
  committedAt: Instant,
});
export const ImportHistory = z.object({ items: z.array(ImportHistoryItem) });
export type ImportHistory = z.infer<typeof ImportHistory>;

export const ImportTemplateParams = z.object({
  kind: z.enum(["products", "customers"]),
  ext: z.enum(["csv", "xlsx"]),
});
