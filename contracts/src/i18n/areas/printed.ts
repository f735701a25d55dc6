/**
 * What the server writes for people to take away: receipts (text and PDF), a customer's
 * statement, and the column names of the spreadsheets it exports.
 * They are written in the shop's language (the customer reads them, not the staff member's phone).
 */
export const en = {
  "printed.receipt": "Receipt",
  "printed.subtotal": "Subtotal",
  "printed.discount": "Discount",
  "printed.total": "TOTAL",
  "printed.paidBy": "Paid by",
  "printed.tendered": "Tendered",
  "printed.change": "Change",
  "printed.reference": "Transaction code",
  "printed.refunded": "Refunded",
  "printed.customer": "Customer",
  "printed.servedBy": "Served by",
  "printed.voided": "VOIDED",
  "printed.refundedMark": "REFUNDED",
  "printed.reason": "Reason",
  "printed.thanks": "Thank you!",

  "printed.statementFor": "statement for",
  "printed.earlierBalance": "Earlier balance",
  "printed.owed": "Balance owed",
  "printed.creditHeld": "Credit held for you",
  "printed.ledger.credit_sale": "Bought on credit",
  "printed.ledger.repayment": "Paid",
  "printed.ledger.void": "Sale cancelled",
  "printed.ledger.refund": "Refund",
  "printed.ledger.advance": "Paid in advance",
  "printed.ledger.opening": "Balance brought forward",

  "printed.csv.day": "day",
  "printed.csv.month": "month",
  "printed.csv.total": "total",
  "printed.csv.sales": "sales",
  "printed.csv.itemsSold": "items sold",
  "printed.csv.grossSales": "gross sales ({currency})",
  "printed.csv.discounts": "discounts ({currency})",
  "printed.csv.refunds": "refunds ({currency})",
  "printed.csv.netSales": "net sales ({currency})",
  "printed.csv.voids": "voids",
  "printed.csv.voidedAmount": "voided amount ({currency})",
  "printed.csv.costOfGoods": "cost of goods ({currency})",
  "printed.csv.grossMargin": "gross margin ({currency})",
  "printed.csv.linesWithoutCost": "lines without cost",
  "printed.csv.netSalesBy": "net sales: {method} ({currency})",
};
