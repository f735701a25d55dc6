import { sw as admin } from "./areas/admin.sw.js";
import { sw as close } from "./areas/close.sw.js";
import { sw as customers } from "./areas/customers.sw.js";
import { sw as dashboard } from "./areas/dashboard.sw.js";
import { sw as documents } from "./areas/documents.sw.js";
import { sw as errors } from "./areas/errors.sw.js";
import { sw as importIssues } from "./areas/import-issues.sw.js";
import { sw as imports } from "./areas/imports.sw.js";
import { sw as offline } from "./areas/offline.sw.js";
import { sw as printed } from "./areas/printed.sw.js";
import { sw as reports } from "./areas/reports.sw.js";
import { sw as sell } from "./areas/sell.sw.js";
import { sw as stock } from "./areas/stock.sw.js";
import { sw as till } from "./areas/till.sw.js";
import type { Messages } from "./en.js";

/** Kiswahili. */
const sw: Messages = {
  ...stock,
  ...customers,
  "app.name": "Duka",
  "app.loading": "Inapakia…",
  "app.offline": "Duka haifikii seva. Angalia muunganisho wa intaneti kisha ujaribu tena.",
  "app.retry": "Jaribu tena",
  "app.skipToContent": "Ruka hadi maudhui",
  "app.mainNav": "Kuu",

  "auth.signIn.title": "Ingia",
  "auth.signIn.intro": "Karibu tena. Ingia kwenye duka lako.",
  "auth.signIn.submit": "Ingia",
  "auth.signIn.busy": "Inaingia…",
  "auth.signIn.noAccount": "Mgeni kwenye Duka?",
  "auth.signIn.toSignUp": "Fungua akaunti ya biashara",
  "auth.signUp.title": "Fungua biashara yako",
  "auth.signUp.intro": "Weka duka lako kwa dakika moja. Wewe utakuwa mmiliki.",
  "auth.signUp.submit": "Fungua biashara",
  "auth.signUp.busy": "Inafungua…",
  "auth.signUp.haveAccount": "Una akaunti tayari?",
  "auth.signUp.toSignIn": "Ingia",
  "auth.signUp.business": "Biashara yako",
  "auth.signUp.you": "Wewe, mmiliki",
  "auth.signOut": "Toka",
  "auth.signOut.busy": "Inatoka…",
  "auth.signedOut": "Umetoka.",

  "field.login": "Barua pepe, simu au jina la mtumiaji",
  "field.login.hint": "Unalotumia kuingia.",
  "field.password": "Nenosiri",
  "field.password.hint": "Angalau herufi 8. Maneno matatu yasiyohusiana ni rahisi kukumbuka.",
  "field.password.show": "Onyesha",
  "field.password.hide": "Ficha",
  "field.password.showLabel": "Onyesha nenosiri",
  "field.password.hideLabel": "Ficha nenosiri",
  "field.businessName": "Jina la biashara",
  "field.currency": "Sarafu",
  "field.currency.hint": "Herufi 3, kama KES, TZS, UGX au USD.",
  "field.timeZone": "Saa za eneo",
  "field.timeZone.hint": "Ripoti za kila siku hufuata saa hizi.",
  "field.country": "Nchi",
  "field.country.hint":
    "Husoma nambari za simu zilizoandikwa kwa njia ya kawaida (0722 111 222) na hupendekeza sarafu na saa za eneo.",
  "field.locationName": "Jina la duka au tawi",
  "field.locationName.hint": "Eneo lako la kwanza. Unaweza kuongeza mengine baadaye.",
  "field.locationAddress": "Anwani (si lazima)",
  "field.locationAddress.hint": "Mtaa, soko au alama, ili wafanyakazi na wateja walipate.",
  "field.ownerName": "Jina lako",

  "error.generic": "Kuna tatizo. Tafadhali jaribu tena.",
  "error.network": "Hakuna muunganisho na seva. Angalia intaneti kisha ujaribu tena.",
  "error.invalid_credentials": "Jina la kuingia au nenosiri si sahihi.",
  "error.too_many_attempts": "Majaribio mengi yameshindwa. Subiri dakika chache kisha ujaribu tena.",
  "error.too_many_signups":
    "Biashara nyingi zimefunguliwa kutoka muunganisho huu sasa hivi. Jaribu tena baada ya dakika chache.",
  "error.too_many_streams":
    "Taarifa za moja kwa moja zimefunguliwa kwenye vichupo vingi mno. Funga baadhi kisha upakie upya hiki.",
  "error.email_reset_unavailable":
    "Kubadilisha kwa barua pepe hakujawekwa kwenye seva hii. Tumia nambari yako ya kurejesha.",
  "error.shop_code_required": "Andika nambari ya duka lako hapa chini. Mmiliki anaiona kwenye ukurasa wa Wafanyakazi.",
  "auth.shopCode": "Nambari ya duka",
  "auth.shopCode.hint": "Herufi na tarakimu 6, kwenye ukurasa wa Wafanyakazi wa mmiliki. Simu hii itaikumbuka.",
  "auth.shopCode.remembered": "Nambari ya duka kwenye simu hii: {code}",
  "auth.shopCode.change": "Badilisha duka",
  "auth.triesLeft": "Majaribio {n} yamebaki.",
  "auth.oneTryLeft": "Jaribio 1 limebaki.",
  "auth.lastTry": "Jaribio lijalo likikosea litakataliwa kwa muda.",
  "auth.askOwner": "Kama wewe ni mfanyakazi, mwombe mmiliki abadilishe nenosiri lako.",
  "auth.recovery.title": "Andika nambari yako ya kurejesha",
  "auth.recovery.intro":
    "Ukisahau nenosiri lako, nambari hii itakuwezesha kuchagua jipya. Iandike kwenye karatasi, mbali na simu hii. Inaonyeshwa sasa tu.",
  "auth.recovery.label": "Nambari ya kurejesha",
  "auth.recovery.print": "Chapisha",
  "auth.recovery.copy": "Nakili",
  "auth.recovery.copied": "Imenakiliwa.",
  "auth.recovery.done": "Nimeiandika",
  "auth.forgot.link": "Umesahau nenosiri?",
  "auth.forgot.title": "Umesahau nenosiri",
  "auth.forgot.intro":
    "Wamiliki: andika jina la kuingia, nambari ya kurejesha uliyoandika ulipojisajili, na nenosiri jipya. Wafanyakazi: mwombe mmiliki abadilishe nenosiri lako.",
  "auth.forgot.newPassword": "Nenosiri jipya",
  "auth.forgot.submit": "Weka nenosiri jipya",
  "auth.forgot.busy": "Inahifadhi…",
  "auth.forgot.done":
    "Nenosiri lako limebadilishwa na simu zote zimetolewa. Hii ndiyo nambari yako mpya ya kurejesha: ya zamani haifanyi kazi tena.",
  "auth.forgot.toSignIn": "Rudi kuingia",
  "auth.forgot.email.title": "Au pata kiungo kwa barua pepe",
  "auth.forgot.email.submit": "Nitumie kiungo",
  "auth.forgot.email.sent": "Ikiwa hii ni barua pepe ya mmiliki wa duka, kiungo kinakuja. Kinafanya kazi kwa saa moja.",
  "auth.reset.title": "Chagua nenosiri jipya",
  "auth.reset.intro": "Kutoka kwenye kiungo cha barua pepe yako.",
  "error.wrong_recovery_code":
    "Jina la kuingia na nambari ya kurejesha havilingani. Angalia nambari kwenye karatasi yako.",
  "error.reset_link_invalid": "Kiungo hiki kimeisha muda au kimeshatumika. Omba kipya.",
  "error.login_taken": "Jina hili la kuingia linatumika tayari. Chagua barua pepe, simu au jina lingine.",
  "error.unauthorized": "Muda wako umeisha. Tafadhali ingia tena.",
  "error.invalid_input": "Tafadhali angalia sehemu zilizowekwa alama hapa chini.",
  "error.field": "{label}: {message}.",

  "nav.home": "Nyumbani",
  "nav.more": "Zaidi",

  "home.greeting": "Habari, {name}",
  "home.role": "Umeingia kama {role} wa {business}.",
  "home.steps.title": "Andaa duka lako",
  "home.steps.left": "{count, plural, one {Imebaki hatua #} other {Zimebaki hatua #}}",
  "home.steps.products": "Ongeza bidhaa zako",
  "home.steps.products.import": "au zilete kutoka kwenye faili",
  "home.steps.staff": "Ongeza watu wanaokuuzia",
  "home.steps.sale": "Rekodi mauzo yako ya kwanza",
  "home.steps.done": "Imekamilika:",
  "home.steps.todo": "Ya kufanya:",
  "home.steps.dismiss": "Ficha orodha hii",
  "home.today": "Leo ni {date}.",
  "role.owner": "mmiliki",
  "role.staff": "mfanyakazi",

  "more.title": "Zaidi",
  "more.language": "Lugha",
  "more.language.hint": "Duka huonyesha maneno yake kwa lugha hii kwenye simu hii.",
  "more.account": "Akaunti",
  "more.signedInAs": "Umeingia kama {name}",

  "notFound.title": "Ukurasa haupatikani",
  "notFound.back": "Nenda Nyumbani",

  ...admin,
  ...dashboard,
  ...sell,
  ...till,
  ...offline,
  ...printed,
  ...reports,
  ...close,
  ...documents,
  ...imports,
  ...importIssues,
  ...errors,
};

export default sw;
