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

type Catalogue = Record<keyof typeof en, string>;

export const fr: Catalogue = {
  "sell.adjust.open": "Remise / prix",
  "sell.adjust.title": "Remise ou changement de prix",
  "sell.adjust.price": "Prix de {name} par {unit}",
  "sell.adjust.lineDiscount": "Remise sur {name}",
  "sell.adjust.lineNow": "Cet article revient maintenant à {amount}.",
  "sell.adjust.saleDiscount": "Remise sur toute la vente",
  "sell.adjust.invalid": "Tapez un montant comme 50 ou 12,50.",
  "sell.adjust.tooMuch": "C’est plus que le montant, {amount}.",
  "sell.adjust.staffMax": "Vous pouvez retirer au plus {percent} % de la vente.",
  "sell.adjust.overMax": "Les remises dépassent {percent} % de la vente. Réduisez-les, ou demandez au propriétaire.",
  "sell.adjust.done": "Terminé",
  "sell.line.listed": "prix affiché {price}",
  "sell.line.discount": "remise {amount}",
  "sell.discounted": "après {amount} de remise",
  "sell.pay.breakdown": "{gross} moins {discount} de remise",
  "sell.done.totalDiffers":
    "Les prix de la boutique ont changé : le total enregistré est {amount}. Encaissez ce montant.",

  "sell.location": "Vendre depuis",
  "sell.when.open": "Date antérieure",
  "sell.when.label": "Date et heure de la vente (facultatif)",
  "sell.when.hint": "Seulement pour une vente recopiée d’un cahier. Laissez vide pour une vente faite maintenant.",
  "sell.when.invalid": "Choisissez une date et une heure.",
  "sell.when.future": "Ce moment n’est pas encore arrivé. Choisissez une heure passée.",

  "sell.credit.over":
    "{name} peut devoir au plus {limit} et doit déjà {balance} : {amount} de plus à crédit dépasse la limite.",
  "sell.credit.ownerMay": "Vous pouvez enregistrer la vente quand même, ou prendre d’abord un paiement.",
  "sell.credit.staff": "Prenez d’abord un paiement, ou demandez au propriétaire d’autoriser cette vente.",
  "sell.credit.sellAnyway": "Vendre quand même",

  "sell.scan.loading": "Démarrage du lecteur de codes-barres…",
};

export const sw: Catalogue = {
  "sell.adjust.open": "Punguzo / bei",
  "sell.adjust.title": "Punguzo au kubadili bei",
  "sell.adjust.price": "Bei ya {name} kwa {unit}",
  "sell.adjust.lineDiscount": "Punguzo kwa {name}",
  "sell.adjust.lineNow": "Bidhaa hii sasa ni {amount}.",
  "sell.adjust.saleDiscount": "Punguzo kwa mauzo yote",
  "sell.adjust.invalid": "Andika kiasi kama 50 au 12.50.",
  "sell.adjust.tooMuch": "Hiki ni zaidi ya kiasi, {amount}.",
  "sell.adjust.staffMax": "Unaweza kupunguza hadi {percent}% ya mauzo.",
  "sell.adjust.overMax": "Punguzo limezidi {percent}% ya mauzo. Lipunguze, au muulize mmiliki.",
  "sell.adjust.done": "Tayari",
  "sell.line.listed": "bei ya kawaida {price}",
  "sell.line.discount": "punguzo {amount}",
  "sell.discounted": "baada ya punguzo la {amount}",
  "sell.pay.breakdown": "{gross} ukitoa punguzo la {discount}",
  "sell.done.totalDiffers": "Bei za duka zimebadilika: jumla iliyorekodiwa ni {amount}. Dai kiasi hicho.",

  "sell.location": "Uza kutoka",
  "sell.when.open": "Tarehe ya nyuma",
  "sell.when.label": "Tarehe na saa ya mauzo (si lazima)",
  "sell.when.hint": "Kwa mauzo yanayonakiliwa kutoka kwenye daftari tu. Acha wazi kwa mauzo ya sasa.",
  "sell.when.invalid": "Chagua tarehe na saa.",
  "sell.when.future": "Muda huu bado haujafika. Chagua saa iliyopita.",

  "sell.credit.over":
    "{name} anaweza kudaiwa hadi {limit} na tayari anadaiwa {balance}, kwa hiyo {amount} zaidi kwa mkopo kunazidi kikomo.",
  "sell.credit.ownerMay": "Unaweza kurekodi mauzo hata hivyo, au upokee malipo kwanza.",
  "sell.credit.staff": "Pokea malipo kutoka kwake kwanza, au muombe mmiliki aruhusu mauzo haya.",
  "sell.credit.sellAnyway": "Uza hata hivyo",

  "sell.scan.loading": "Kisoma msimbopau kinaanza…",
};
