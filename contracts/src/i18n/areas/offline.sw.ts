import type { en } from "./offline.js";

export const sw: Record<keyof typeof en, string> = {
  "offline.done.kept": "Mauzo {number} yamehifadhiwa kwenye simu hii",
  "offline.done.provisional": "Namba ya simu: {number}",
  "offline.done.notSent": "Bado hayajatumwa: yatatumwa yenyewe mtandao ukirudi. Mpe mteja namba hii.",
  "offline.pending": "Bado hayajatumwa: {what} · la zamani zaidi {age}",
  "offline.count.sales": "{count, plural, one {mauzo #} other {mauzo #}}",
  "offline.count.payments": "{count, plural, one {malipo #} other {malipo #}}",
  "offline.count.customers": "{count, plural, one {mteja mpya #} other {wateja wapya #}}",
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
  "offline.attention.change": "Badilisha na utume tena…",
  "offline.fix.title": "Badilisha mauzo haya",
  "offline.fix.intro":
    "Ondoa kisichoweza kuuzwa, badilisha idadi au mteja, kisha utume. Yanabaki na namba yake ya simu na bei alizolipa mteja.",
  "offline.fix.total": "Jumla mpya: {amount}",
  "offline.fix.noLines": "Hakuna kilichobaki kwenye mauzo haya. Yaondoe badala yake, ukieleza sababu.",
  "offline.fix.unknownProduct": "Bidhaa ambayo haipo tena kwenye orodha",
  "offline.fix.send": "Tuma mauzo yaliyobadilishwa",
  "offline.fix.cancel": "Yaache kama yalivyokuwa",
  "offline.attention.discard": "Ondoa…",
  "offline.attention.reason": "Kwa nini unaiondoa? (inahifadhiwa kwenye kumbukumbu ya shughuli)",
  "offline.attention.confirmDiscard": "Ondoa kabisa",
  "offline.attention.accept": "Kubali mauzo haya ya zamani",
  "offline.attention.by": "Na {name}, {time}",
  "offline.signOut.refused":
    "Bado hayajatumwa: {what}. Ni yako na yanatumwa tu ukiwa umeingia, kwa hivyo huwezi kutoka hadi yatumwe.",
  "offline.storage.denied":
    "Kivinjari hiki kinaweza kufuta data za Duka simu ikikosa nafasi, pamoja na mauzo ambayo bado hayajatumwa. Yatume mapema, au weka Duka kwenye skrini ya mwanzo.",
  "offline.sale.flag": "Yalirekodiwa nje ya mtandao (namba ya simu: {number})",
  "offline.sale.overLimit": "Mteja amepita kikomo chake cha mkopo.",
  "offline.sale.overLimitKept":
    "Mauzo haya yanampitisha {name} kikomo chake cha mkopo cha {limit}: sasa anadaiwa {balance}. Mauzo yamehifadhiwa, na mwenye duka atayaona yamewekwa alama.",
  "offline.sale.priceChanged": "Yaliuzwa kwa bei iliyokuwa kwenye simu.",
};
