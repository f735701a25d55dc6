import { en as admin } from "./areas/admin.js";
import { en as close } from "./areas/close.js";
import { en as customers } from "./areas/customers.js";
/**
 * The message catalogue: every word the user reads. English is the reference; other languages are
 * typed against these keys, so a missing translation is a type error. `{name}` marks a parameter.
 *
 * Each screen area keeps its English words in `areas/<area>.ts` and each translation in
 * `areas/<area>.<lang>.ts` (typed `Record<keyof typeof en, string>`), spread here and in fr.ts /
 * sw.ts with one line each. A file per language keeps the others out of the main bundle: only
 * English ships with it, the rest load when chosen.
 */
import { en as dashboard } from "./areas/dashboard.js";
import { en as documents } from "./areas/documents.js";
import { en as errors } from "./areas/errors.js";
import { en as importIssues } from "./areas/import-issues.js";
import { en as imports } from "./areas/imports.js";
import { en as offline } from "./areas/offline.js";
import { en as printed } from "./areas/printed.js";
import { en as reports } from "./areas/reports.js";
import { en as sell } from "./areas/sell.js";
import { en as stock } from "./areas/stock.js";
import { en as till } from "./areas/till.js";

const en = {
  ...stock,
  ...customers,
  "app.name": "Duka",
  "app.loading": "Loading…",
  "app.offline": "Duka cannot reach the server. Check the internet connection and try again.",
  "app.retry": "Try again",
  "app.skipToContent": "Skip to content",
  "app.mainNav": "Main",

  "auth.signIn.title": "Sign in",
  "auth.signIn.intro": "Welcome back. Sign in to your shop.",
  "auth.signIn.submit": "Sign in",
  "auth.signIn.busy": "Signing in…",
  "auth.signIn.noAccount": "New to Duka?",
  "auth.signIn.toSignUp": "Create a business account",
  "auth.signUp.title": "Create your business",
  "auth.signUp.intro": "Set up your shop in a minute. You will be its owner.",
  "auth.signUp.submit": "Create business",
  "auth.signUp.busy": "Creating…",
  "auth.signUp.haveAccount": "Already have an account?",
  "auth.signUp.toSignIn": "Sign in",
  "auth.signUp.business": "Your business",
  "auth.signUp.you": "You, the owner",
  "auth.signOut": "Sign out",
  "auth.signOut.busy": "Signing out…",
  "auth.signedOut": "You have signed out.",

  "field.login": "Email, phone or username",
  "field.login.hint": "The one you use to sign in.",
  "field.password": "Password",
  "field.password.hint": "At least 8 characters. Three unrelated words are easy to remember.",
  "field.password.show": "Show",
  "field.password.hide": "Hide",
  "field.password.showLabel": "Show password",
  "field.password.hideLabel": "Hide password",
  "field.businessName": "Business name",
  "field.currency": "Currency",
  "field.currency.hint": "A 3-letter code, such as KES, UGX, TZS or USD.",
  "field.timeZone": "Time zone",
  "field.timeZone.hint": "Daily reports follow this clock.",
  "field.country": "Country",
  "field.country.hint":
    "It reads phone numbers typed the local way (0722 111 222) and proposes the currency and time zone.",
  "field.locationName": "Shop or branch name",
  "field.locationName.hint": "Your first location. You can add more later.",
  "field.locationAddress": "Address (optional)",
  "field.locationAddress.hint": "Street, market or landmark, so staff and customers find it.",
  "field.ownerName": "Your name",

  "error.generic": "Something went wrong. Please try again.",
  "error.network": "No connection to the server. Check the internet and try again.",
  "error.invalid_credentials": "Wrong login or password.",
  "error.too_many_attempts": "Too many failed sign-ins. Wait a few minutes and try again.",
  "error.too_many_signups":
    "Too many businesses were created from this connection just now. Try again in a few minutes.",
  "error.too_many_streams": "Live updates are open in too many tabs. Close some tabs and reload this one.",
  "error.email_reset_unavailable": "Reset by email is not set up on this server. Use your recovery code.",
  "error.shop_code_required": "Type your shop's code below. The owner sees it on the Staff page.",
  "auth.shopCode": "Shop code",
  "auth.shopCode.hint": "6 letters and digits, on the owner's Staff page. This phone will remember it.",
  "auth.shopCode.remembered": "Shop code on this phone: {code}",
  "auth.shopCode.change": "Change shop",
  "auth.triesLeft": "{n} tries left.",
  "auth.oneTryLeft": "1 try left.",
  "auth.lastTry": "The next wrong try will be refused for a while.",
  "auth.askOwner": "If you are staff, ask the owner to reset your password.",
  "auth.recovery.title": "Write down your recovery code",
  "auth.recovery.intro":
    "If you forget your password, this code lets you choose a new one. Keep it on paper, away from this phone. It is shown only now.",
  "auth.recovery.label": "Recovery code",
  "auth.recovery.print": "Print",
  "auth.recovery.copy": "Copy",
  "auth.recovery.copied": "Copied.",
  "auth.recovery.done": "I have written it down",
  "auth.forgot.link": "Forgot your password?",
  "auth.forgot.title": "Forgot your password",
  "auth.forgot.intro":
    "Owners: type your login, the recovery code you wrote down at sign-up, and a new password. Staff: ask the owner to reset your password.",
  "auth.forgot.newPassword": "New password",
  "auth.forgot.submit": "Set the new password",
  "auth.forgot.busy": "Saving…",
  "auth.forgot.done":
    "Your password is changed and every phone was signed out. Here is your new recovery code: the old one no longer works.",
  "auth.forgot.toSignIn": "Back to sign in",
  "auth.forgot.email.title": "Or get a link by email",
  "auth.forgot.email.submit": "Email me a link",
  "auth.forgot.email.sent": "If this is a shop owner's email address, a link is on its way. It works for an hour.",
  "auth.reset.title": "Choose a new password",
  "auth.reset.intro": "From the link in your email.",
  "error.wrong_recovery_code": "This login and recovery code do not match. Check the code on your paper.",
  "error.reset_link_invalid": "This reset link has expired or was already used. Ask for a new one.",
  "error.login_taken": "This login is already used. Choose another email, phone number or username.",
  "error.unauthorized": "Your session has ended. Please sign in again.",
  "error.invalid_input": "Please check the fields marked below.",
  "error.field": "{label} {message}.",

  "nav.home": "Home",
  "nav.more": "More",

  "home.greeting": "Hello, {name}",
  "home.role": "You are signed in as {role} of {business}.",
  "home.steps.title": "Get your shop ready",
  "home.steps.left": "{count, plural, one {# step left} other {# steps left}}",
  "home.steps.products": "Add your products",
  "home.steps.products.import": "or bring them in from a file",
  "home.steps.staff": "Add the people who sell for you",
  "home.steps.sale": "Record your first sale",
  "home.steps.done": "Done:",
  "home.steps.todo": "To do:",
  "home.steps.dismiss": "Hide this list",
  "home.today": "Today is {date}.",
  "role.owner": "owner",
  "role.staff": "staff",

  "more.title": "More",
  "more.language": "Language",
  "more.language.hint": "Duka shows its words in this language on this phone.",
  "more.account": "Account",
  "more.signedInAs": "Signed in as {name}",

  "notFound.title": "Page not found",
  "notFound.back": "Go to Home",

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

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export default en satisfies Messages;
