/**
 * The words on what a customer takes away — printed and shared receipts, credit statements — in the
 * business's language (the customer reads it, not the staff member's phone); a language not listed
 * is written in English.
 */
const WORDS = {
  en: {
    receipt: "Receipt",
    subtotal: "Subtotal",
    discount: "Discount",
    total: "TOTAL",
    paidBy: "Paid by",
    tendered: "Tendered",
    change: "Change",
    refunded: "Refunded",
    customer: "Customer",
    servedBy: "Served by",
    voided: "VOIDED",
    refundedMark: "REFUNDED",
    reason: "Reason",
    thanks: "Thank you!",
    statementFor: "statement for",
    earlierBalance: "Earlier balance",
    owed: "Balance owed",
    creditHeld: "Credit held for you",
    credit_sale: "Bought on credit",
    repayment: "Paid",
    void: "Sale cancelled",
    refund: "Refund",
    advance: "Paid in advance",
  },
  fr: {
    receipt: "Reçu",
    subtotal: "Sous-total",
    discount: "Remise",
    total: "TOTAL",
    paidBy: "Payé par",
    tendered: "Reçu du client",
    change: "Monnaie rendue",
    refunded: "Remboursé",
    customer: "Client",
    servedBy: "Servi par",
    voided: "ANNULÉ",
    refundedMark: "REMBOURSÉ",
    reason: "Motif",
    thanks: "Merci !",
    statementFor: "relevé de",
    earlierBalance: "Solde antérieur",
    owed: "Solde dû",
    creditHeld: "Avoir en votre faveur",
    credit_sale: "Achat à crédit",
    repayment: "Paiement",
    void: "Vente annulée",
    refund: "Remboursement",
    advance: "Paiement d’avance",
  },
  sw: {
    receipt: "Risiti",
    subtotal: "Jumla ndogo",
    discount: "Punguzo",
    total: "JUMLA",
    paidBy: "Imelipwa kwa",
    tendered: "Kiasi kilichotolewa",
    change: "Chenji",
    refunded: "Kilichorudishwa",
    customer: "Mteja",
    servedBy: "Ulihudumiwa na",
    voided: "IMEBATILISHWA",
    refundedMark: "IMEREJESHEWA",
    reason: "Sababu",
    thanks: "Asante!",
    statementFor: "taarifa ya",
    earlierBalance: "Salio la awali",
    owed: "Deni lililobaki",
    creditHeld: "Salio lako la akiba",
    credit_sale: "Alinunua kwa mkopo",
    repayment: "Alilipa",
    void: "Mauzo yalibatilishwa",
    refund: "Marejesho",
    advance: "Alilipa mapema",
  },
} as const;

export type CustomerWords = Record<keyof (typeof WORDS)["en"], string>;

export function wordsFor(locale: string): CustomerWords {
  const lang = locale.split("-")[0] as keyof typeof WORDS;
  return WORDS[lang] ?? WORDS.en;
}
