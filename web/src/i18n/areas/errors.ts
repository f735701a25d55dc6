/**
 * A message for every code the server answers (contracts/src/errors.ts), filled in from the answer's
 * details. Codes of sign-in, staff and documents keep their messages with their screens' words.
 */
export const en = {
  "error.bad_request": "The request was not understood. Reload the page and try again.",
  "error.cross_site_request": "This request came from another site, so it was refused. Open Duka directly.",
  "error.not_found": "This was not found. It may have been removed; go back and reload the list.",
  "error.unsupported_media_type": "This kind of content cannot be sent here.",
  "error.internal": "Something went wrong on our side. Nothing was saved; please try again.",
  "error.location_inactive": "This location is closed. Choose an open location.",
  "error.location_not_allowed": "You work at another location. Choose your own location.",
  "error.no_location": "There is no open location to sell from. Ask the owner to open one.",
  "error.duplicate_sku": "Another product already has this SKU. Use a different one.",
  "error.duplicate_barcode": "Another product already has this barcode. Check the barcode.",
  "error.product_archived": "A product here is no longer sold. Remove it and try again.",
  "error.insufficient_stock": "Only {available} of {productName} left here. Lower the quantity or receive stock first.",
  "error.count_not_open": "This count is already finished. Start a new count.",
  "error.idempotency_conflict": "This was already recorded with different details. Start again.",
  "error.idempotency_key_reused": "This payment was already recorded with different details. Start again.",
  "error.price_change_not_allowed": "Only the owner can change prices. Sell at the listed price.",
  "error.discount_not_allowed": "Only the owner can give discounts.",
  "error.discount_too_large": "The discount is more than the {maxDiscountPercent}% the owner allows.",
  "error.amount_too_large": "This amount is too large. Check the quantity and the price.",
  "error.already_voided": "This sale was already cancelled.",
  "error.sale_voided": "This sale was cancelled, so nothing more can be refunded.",
  "error.refund_exceeds_sold": "Line {lineNo}: at most {refundable} can still be refunded.",
  "error.duplicate_phone": "Another customer already has this phone number. Search for them instead.",
  "error.customer_archived": "This customer is archived. Choose another customer or restore them.",
  "error.credit_limit_exceeded":
    "This is over the customer's credit limit of {creditLimit}; they already owe {balance}. Take a payment first, or ask the owner.",
  "error.overpayment": "This is more than the {balance} the customer owes. Enter at most that amount.",
  "error.file_missing": "This file is missing from storage. Ask the owner to restore it from a backup.",
  "error.invalid_storage_key": "This file's address is not valid.",
  "error.decrypt_failed":
    "This file cannot be read: it was damaged or replaced. Ask the owner to restore it from a backup.",
  "error.backup_not_found": "This backup was not found.",
  "error.backup_invalid": "This backup file is damaged or is not a Duka backup.",
  "error.database_not_empty": "A backup can only be restored into an empty database.",
};
