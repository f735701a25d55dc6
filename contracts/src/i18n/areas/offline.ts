/** Words for working without the network: the till's kept sales, the queue and what needs attention. */
export const en = {
  "offline.done.kept": "Sale {number} kept on this phone",
  "offline.done.provisional": "Number on the phone: {number}",
  "offline.done.notSent": "Not sent yet: it goes by itself when the network is back. Give the customer this number.",
  "offline.pending": "Not sent yet: {count} · oldest {age}",
  "offline.attention.badge": "Needs attention: {count}",
  "offline.age.now": "just now",
  "offline.age.minutes": "{count} min",
  "offline.age.hours": "{count} h",
  "offline.asOf": "Offline · prices as of {time}",
  "offline.list.title": "Not sent yet",
  "offline.list.intro":
    "Sales, customers and payments made on this phone without network. They are sent by themselves, in order, when the network is back.",
  "offline.list.empty": "Everything made on this phone has been sent.",
  "offline.list.sendNow": "Send now",
  "offline.list.sending": "Sending…",
  "offline.list.stillOffline": "The server cannot be reached yet. Nothing is lost: the phone tries again by itself.",
  "offline.kind.sale": "Sale {number}",
  "offline.kind.customer": "New customer: {name}",
  "offline.kind.repayment": "Payment of {amount}",
  "offline.attention.title": "Needs attention",
  "offline.attention.intro":
    "The server refused these when they arrived. Nothing is lost: fix the cause (for example bring the product back) and send again, or discard with a reason.",
  "offline.attention.sendAgain": "Send again",
  "offline.attention.discard": "Discard…",
  "offline.attention.reason": "Why discard it? (kept in the activity log)",
  "offline.attention.confirmDiscard": "Discard for good",
  "offline.attention.accept": "Accept this old sale",
  "offline.attention.by": "By {name}, {time}",
  "offline.signOut.refused":
    "{count} not sent yet. They are yours and are sent only while you are signed in, so you cannot sign out until they are sent.",
  "offline.storage.denied":
    "This browser may clear Duka's saved data when the phone is short of space, and sales not sent yet with it. Send them soon, or add Duka to the home screen.",
  "offline.sale.flag": "Recorded offline (number on the phone: {number})",
  "offline.sale.overLimit": "The customer went past their credit limit.",
  "offline.sale.priceChanged": "Sold at the price the phone had.",
} as const;
