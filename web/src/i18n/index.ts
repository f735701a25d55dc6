import { createStore, useStore } from "../lib/store";
import en, { type MessageKey, type Messages } from "./en";

/**
 * Every language Duka speaks, by BCP 47 code: its own name (for the switcher) and how to load its
 * catalogue. English ships in the main bundle; the others load when chosen. Adding a language is a
 * catalogue file and one line here.
 */
export const LANGUAGES = {
  en: { name: "English", load: async () => en },
  fr: { name: "Français", load: () => import("./fr").then((m) => m.default) },
  sw: { name: "Kiswahili", load: () => import("./sw").then((m) => m.default) },
} satisfies Record<string, { name: string; load: () => Promise<Messages> }>;

export type Locale = keyof typeof LANGUAGES;
export type { MessageKey };
export type Params = Record<string, string | number>;

const CHOICE_KEY = "duka.locale";
const state = createStore<{ locale: Locale; messages: Messages }>({ locale: "en", messages: en });

/** The message for a key in the current language, with `{name}` parameters filled in. */
export function t(key: MessageKey, params?: Params): string {
  const text = state.get().messages[key] ?? en[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

export const hasMessage = (key: string): key is MessageKey => key in en;

/** "fr-CA" → "fr"; undefined when Duka does not speak it. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return base && base in LANGUAGES ? (base as Locale) : undefined;
}

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
