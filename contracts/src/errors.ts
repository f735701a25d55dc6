/**
 * Every error code the API answers, with its HTTP status. An answer is
 * `{ error: { code, message, details? } }`: `message` is an English sentence for logs and scripts,
 * and people read the message the catalogue holds for `error.<code>` in their language, filled in
 * from `details` (whose shape per code is `ErrorDetails`). A code missing here does not compile on
 * the server, and a test fails when a language has no message for one.
 */
export const ERROR_CODES = {
  // Requests and sessions
  invalid_input: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  too_large: 413,
  unsupported_media_type: 415,
  unsupported_file_type: 415,
  too_many_attempts: 429,
  too_many_signups: 429,
  too_many_streams: 429,
  shop_code_required: 400,
  wrong_recovery_code: 400,
  reset_link_invalid: 400,
  email_reset_unavailable: 404,
  internal: 500,
  database_unavailable: 503,
  // People and places
  login_taken: 409,
  wrong_password: 400,
  cannot_change_self: 409,
  last_owner: 409,
  last_location: 409,
  location_name_taken: 409,
  location_inactive: 409,
  location_not_allowed: 403,
  no_location: 409,
  // Products and stock
  duplicate_sku: 409,
  duplicate_barcode: 409,
  product_archived: 409,
  insufficient_stock: 409,
  count_not_open: 409,
  // Sales
  idempotency_conflict: 409,
  idempotency_key_reused: 409,
  price_change_not_allowed: 403,
  discount_not_allowed: 403,
  discount_too_large: 403,
  amount_too_large: 400,
  already_voided: 409,
  sale_voided: 409,
  sale_imported: 409,
  refund_exceeds_sold: 409,
  price_required: 400,
  // Customers and credit
  duplicate_phone: 409,
  customer_archived: 409,
  credit_limit_exceeded: 409,
  overpayment: 409,
  // Closing the day
  already_closed: 409,
  // Writes queued on a phone while offline
  offline_in_future: 400,
  offline_too_old: 422,
  not_tried: 503,
  // Bringing data in from files
  import_too_large: 413,
  import_unreadable: 415,
  import_old_xls: 415,
  import_empty: 400,
  import_no_rows: 400,
  import_csv_broken: 400,
  import_xlsx_broken: 400,
  import_no_sheet: 400,
  choose_sheet: 400,
  wrong_kind: 400,
  import_bad_mapping: 400,
  import_committed: 409,
  import_expired: 410,
  import_has_errors: 409,
  confirm_locations: 409,
  import_changed: 409,
  import_sales_unknown: 400,
  // Files and backups
  file_missing: 404,
  invalid_storage_key: 400,
  decrypt_failed: 500,
  storage_quota_exceeded: 409,
  backup_not_found: 404,
  backup_invalid: 422,
  database_not_empty: 409,
  // The server's own set-up: operators read these, in logs and on the command line
  master_key_missing: 500,
  master_key_invalid: 500,
  data_dir_locked: 500,
  backup_role: 500,
  restore_mismatch: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** What is wrong with one field, as a code the catalogue words (`field.<code>`) with its parameters. */
export const FIELD_CODES = [
  "required",
  "invalid_type",
  "not_whole",
  "negative",
  /** Zero or below where only a positive number makes sense (a quantity sold, an amount paid). */
  "not_positive",
  /** More decimals than the field keeps (`maximum`: 3 for quantities). */
  "too_many_decimals",
  /** Something other than letters and digits (a transaction code). */
  "letters_digits",
  "too_small",
  "too_big",
  "too_short",
  "too_long",
  "invalid_format",
  "invalid_choice",
  "unknown_field",
  /** Any other rule; `message` says which in English. */
  "invalid",
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];
export interface FieldIssue {
  code: FieldCode;
  /** The same in English, for scripts and logs. */
  message: string;
  params?: Record<string, string | number>;
}
/** Field problems of an `invalid_input` answer, by field path ("lines.0.quantity"). */
export type FieldErrors = Record<string, FieldIssue[]>;

/** What `details` carries for the codes whose message names something; the others carry nothing. */
export interface ErrorDetails {
  invalid_input: { fields?: FieldErrors };
  too_many_attempts: { retryAfter: number };
  too_many_signups: { retryAfter: number };
  too_many_streams: { retryAfter: number };
  /** Tries left before a lock, on a wrong password or recovery code. */
  invalid_credentials: { triesLeft?: number };
  wrong_password: { triesLeft?: number };
  wrong_recovery_code: { triesLeft?: number };
  insufficient_stock: { productId: string; productName: string; locationId: string; available: number };
  price_change_not_allowed: { lineNo: number; productId: string; price: number };
  discount_too_large: { maxDiscountPercent: number };
  credit_limit_exceeded: { customerId: string; creditLimit: number; balance: number; amount: number };
  overpayment: { customerId: string; balance: number; amount: number };
  already_closed: { closeId: string; counted: number; closedAt: string };
  offline_in_future: { recordedAt: string };
  offline_too_old: { recordedAt: string };
  refund_exceeds_sold: { lineNo: number; refundable: number };
  price_required: { lineNo: number; productId: string; productName: string };
  import_too_large: { maxBytes: number; maxMb: number };
  import_no_sheet: { sheet: string; names: string };
  choose_sheet: { sheets: string[]; names: string };
  wrong_kind: { kind: string };
  import_bad_mapping: { column: string };
  import_has_errors: { count: number };
  confirm_locations: { locations: string[]; names: string };
}

const OPERATOR_ONLY: readonly ErrorCode[] = [
  "master_key_missing",
  "master_key_invalid",
  "data_dir_locked",
  "backup_role",
  "restore_mismatch",
];
/** The codes a person using the app can meet, each with a message in every language; the others are for operators. */
export const USER_ERROR_CODES = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((c) => !OPERATOR_ONLY.includes(c));
