import type { en } from "./offline.js";

export const sw: Record<keyof typeof en, string> = {
  "offline.done.kept": "Mauzo {number} yamehifadhiwa kwenye simu hii",
  "offline.done.provisional": "Namba ya simu: {number}",
  "offline.done.notSent": "Bado hayajatumwa: yatatumwa yenyewe mtandao ukirudi. Mpe mteja namba hii.",
  "offline.pending": "Bado hayajatumwa: {count} · la zamani zaidi {age}",
  "offline.attention.badge": "Yanahitaji kuangaliwa: {count}",
  "offline.age.now": "sasa hivi",
  "offline.age.minutes": "dak {count}",
  "offline.age.hours": "saa {count}",
  "offline.asOf": "Nje ya mtandao · bei za {time}",
  "offline.list.title": "Bado hayajatumwa",
  "offline.list.intro":
    "Mauzo, wateja na malipo yaliyofanywa kwenye simu hii bila mtandao. Yanatumwa yenyewe, kwa mpangilio, mtandao ukirudi.",
  "offline.list.empty": "Kila kitu kilichofanywa kwenye simu hii kimetumwa.",
  "offline.list.sendNow": "Tuma sasa",
  "offline.list.sending": "Inatuma…",
  "offline.list.stillOffline": "Seva bado haipatikani. Hakuna kinachopotea: simu itajaribu tena yenyewe.",
  "offline.kind.sale": "Mauzo {number}",
  "offline.kind.customer": "Mteja mpya: {name}",
  "offline.kind.repayment": "Malipo ya {amount}",
  "offline.attention.title": "Yanahitaji kuangaliwa",
  "offline.attention.intro":
    "Seva iliyakataa yalipofika. Hakuna kinachopotea: rekebisha chanzo (kwa mfano rudisha bidhaa) kisha tuma tena, au yaondoe ukitoa sababu.",
  "offline.attention.sendAgain": "Tuma tena",
  "offline.attention.discard": "Ondoa…",
  "offline.attention.reason": "Kwa nini unaiondoa? (inahifadhiwa kwenye kumbukumbu ya shughuli)",
  "offline.attention.confirmDiscard": "Ondoa kabisa",
  "offline.attention.accept": "Kubali mauzo haya ya zamani",
  "offline.attention.by": "Na {name}, {time}",
  "offline.signOut.refused":
    "{count} bado hayajatumwa. Ni yako na yanatumwa tu ukiwa umeingia, kwa hivyo huwezi kutoka hadi yatumwe.",
  "offline.storage.denied":
    "Kivinjari hiki kinaweza kufuta data za Duka simu ikikosa nafasi, pamoja na mauzo ambayo bado hayajatumwa. Yatume mapema, au weka Duka kwenye skrini ya mwanzo.",
  "offline.sale.flag": "Yalirekodiwa nje ya mtandao (namba ya simu: {number})",
  "offline.sale.overLimit": "Mteja amepita kikomo chake cha mkopo.",
  "offline.sale.priceChanged": "Yaliuzwa kwa bei iliyokuwa kwenye simu.",
};
