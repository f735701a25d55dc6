import type { en } from "./till.js";

export const fr: Record<keyof typeof en, string> = {
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
