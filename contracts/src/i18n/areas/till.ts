/** The till's less common tools: discounts and agreed prices, earlier dates, locations, credit limits, scanning. */
export const en = {
  "sell.adjust.open": "Discount / price",
  "sell.adjust.title": "Discount or price change",
  "sell.adjust.price": "Price of {name} per {unit}",
  "sell.adjust.lineDiscount": "Discount on {name}",
  "sell.adjust.lineNow": "This item now comes to {amount}.",
  "sell.adjust.saleDiscount": "Discount on the whole sale",
  "sell.adjust.invalid": "Type an amount like 50 or 12.50.",
  "sell.adjust.tooMuch": "This is more than the amount, {amount}.",
  "sell.adjust.staffMax": "You can take off at most {percent}% of the sale.",
  "sell.adjust.overMax": "The discounts come to more than {percent}% of the sale. Lower them, or ask the owner.",
  "sell.adjust.done": "Done",
  "sell.line.listed": "listed at {price}",
  "sell.line.discount": "discount {amount}",
  "sell.discounted": "after {amount} off",
  "sell.pay.breakdown": "{gross} less {discount} discount",
  "sell.done.totalDiffers": "The shop’s prices changed: the total recorded is {amount}. Charge that amount.",

  "sell.location": "Sell from",
  "sell.when.open": "Earlier date",
  "sell.when.label": "Date and time of the sale (optional)",
  "sell.when.hint": "Only for a sale copied from paper records. Leave it empty for a sale made now.",
  "sell.when.invalid": "Choose a date and a time.",
  "sell.when.future": "This time has not come yet. Choose a time in the past.",

  "sell.credit.over":
    "{name} can owe at most {limit} and already owes {balance}, so {amount} more on credit is over the limit.",
  "sell.credit.ownerMay": "You can record the sale anyway, or take a payment first.",
  "sell.credit.staff": "Take a payment from them first, or ask the owner to allow this sale.",
  "sell.credit.sellAnyway": "Sell anyway",

  "sell.scan.loading": "Starting the barcode reader…",
};
