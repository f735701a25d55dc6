import { fill, type Params } from "@duka/contracts/i18n/fill";
import {
  en,
  LANGUAGES,
  type Locale,
  type MessageKey,
  type Messages,
  matchLocale,
} from "@duka/contracts/i18n/languages";
import { createStore, useStore } from "../lib/store";

export type { Locale, MessageKey, Params };
// The catalogue lives in contracts (`contracts/src/i18n/`), shared with the server's receipts and
// statements; this module is the web app's side: the chosen language, loaded one at a time.
export { fill, LANGUAGES, matchLocale };

const CHOICE_KEY = "duka.locale";
const state = createStore<{ locale: Locale; messages: Messages }>({ locale: "en", messages: en });

/** The message for a key in the current language, with `{name}` parameters and plurals filled in. */
export function t(key: MessageKey, params?: Params): string {
  const text = state.get().messages[key] ?? en[key];
  return params ? fill(text, params, state.get().locale) : text;
}

export const hasMessage = (key: string): key is MessageKey => key in en;

function rememberedChoice(): Locale | undefined {
  try {
    return matchLocale(localStorage.getItem(CHOICE_KEY));
  } catch {
    return undefined; // storage can be blocked; the other sources still work
  }
}

/** This phone's explicit choice first, then the business's language, then the browser's. */
export function preferredLocale(businessLocale?: string): Locale {
  return (
    rememberedChoice() ??
    matchLocale(businessLocale) ??
    navigator.languages.map(matchLocale).find((l) => l !== undefined) ??
    "en"
  );
}

export async function setLocale(locale: Locale, remember = false): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(CHOICE_KEY, locale);
    } catch {
      // not remembered across reloads, but still applied now
    }
  }
  const messages = await LANGUAGES[locale].load();
  document.documentElement.lang = locale;
  state.set({ locale, messages });
}

export const currentLocale = (): Locale => state.get().locale;

/** Re-renders the caller when the language changes; returns the current locale. */
export function useLocale(): Locale {
  return useStore(state).locale;
}
