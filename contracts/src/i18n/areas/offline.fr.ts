import type { en } from "./offline.js";

export const fr: Record<keyof typeof en, string> = {
  "offline.done.kept": "Vente {number} gardée sur ce téléphone",
  "offline.done.provisional": "Numéro sur le téléphone : {number}",
  "offline.done.notSent":
    "Pas encore envoyée : elle part toute seule quand le réseau revient. Donnez ce numéro au client.",
  "offline.pending": "Pas encore envoyé : {what} · le plus ancien {age}",
  "offline.count.sales": "{count, plural, one {# vente} other {# ventes}}",
  "offline.count.payments": "{count, plural, one {# paiement} other {# paiements}}",
  "offline.count.customers": "{count, plural, one {# nouveau client} other {# nouveaux clients}}",
  "offline.attention.badge": "À vérifier : {count}",
  "offline.age.now": "à l'instant",
  "offline.age.minutes": "{count} min",
  "offline.age.hours": "{count} h",
  "offline.asOf": "Hors ligne · prix du {time}",
  "offline.list.title": "Pas encore envoyé",
  "offline.list.intro":
    "Ventes, clients et paiements faits sur ce téléphone sans réseau. Ils partent tout seuls, dans l'ordre, quand le réseau revient.",
  "offline.list.empty": "Tout ce qui a été fait sur ce téléphone a été envoyé.",
  "offline.list.sendNow": "Envoyer maintenant",
  "offline.list.sending": "Envoi…",
  "offline.list.stillOffline": "Le serveur est encore injoignable. Rien n'est perdu : le téléphone réessaie tout seul.",
  "offline.kind.sale": "Vente {number}",
  "offline.kind.customer": "Nouveau client : {name}",
  "offline.kind.repayment": "Paiement de {amount}",
  "offline.attention.title": "À vérifier",
  "offline.attention.intro":
    "Le serveur les a refusés à leur arrivée. Rien n'est perdu : corrigez la cause (par exemple remettez le produit en vente) et renvoyez, ou écartez avec une raison.",
  "offline.attention.sendAgain": "Renvoyer",
  "offline.attention.change": "Modifier et renvoyer…",
  "offline.fix.title": "Modifier cette vente",
  "offline.fix.intro":
    "Retirez ce qui n'a pas pu être vendu, changez une quantité ou le client, puis envoyez-la. Elle garde son numéro sur le téléphone et les prix payés par le client.",
  "offline.fix.total": "Nouveau total : {amount}",
  "offline.fix.noLines": "Il ne reste rien sur cette vente. Écartez-la plutôt, en disant pourquoi.",
  "offline.fix.unknownProduct": "Un produit qui n'est plus dans la liste",
  "offline.fix.send": "Envoyer la vente modifiée",
  "offline.fix.cancel": "La garder telle quelle",
  "offline.attention.discard": "Écarter…",
  "offline.attention.reason": "Pourquoi l'écarter ? (gardé dans le journal d'activité)",
  "offline.attention.confirmDiscard": "Écarter définitivement",
  "offline.attention.accept": "Accepter cette vente ancienne",
  "offline.attention.by": "Par {name}, {time}",
  "offline.signOut.refused":
    "Pas encore envoyé : {what}. Ils sont à vous et ne partent que pendant votre connexion : vous ne pouvez pas vous déconnecter avant leur envoi.",
  "offline.storage.denied":
    "Ce navigateur peut effacer les données de Duka quand le téléphone manque de place, et avec elles les ventes pas encore envoyées. Envoyez-les vite, ou ajoutez Duka à l'écran d'accueil.",
  "offline.sale.flag": "Enregistrée hors ligne (numéro sur le téléphone : {number})",
  "offline.sale.overLimit": "Le client a dépassé sa limite de crédit.",
  "offline.sale.overLimitKept":
    "Cette vente fait dépasser à {name} sa limite de crédit de {limit} : il doit maintenant {balance}. La vente est gardée, et le propriétaire la verra signalée.",
  "offline.sale.priceChanged": "Vendue au prix qu'avait le téléphone.",
};
