import type { en } from "./till.js";

export const sw: Record<keyof typeof en, string> = {
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
