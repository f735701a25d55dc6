import en, { type MessageKey, type Messages } from "./en.js";

/**
 * Every language Duka speaks, by BCP 47 code: its own name (for the switcher) and how to load its
 * catalogue. The web app and the server both read this list, so adding a language is its
 * catalogue files and one line here. English is loaded with this module (the fallback for any
 * missing word); the others load when asked for, so the web app's first load carries one language.
 */
export const LANGUAGES = {
  en: { name: "English", load: async () => en },
  fr: { name: "Français", load: () => import("./fr.js").then((m) => m.default) },
  sw: { name: "Kiswahili", load: () => import("./sw.js").then((m) => m.default) },
} satisfies Record<string, { name: string; load: () => Promise<Messages> }>;

export type Locale = keyof typeof LANGUAGES;
export type { MessageKey, Messages };
export { en };

/** "fr-CA" → "fr"; undefined when Duka does not speak it. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return base && base in LANGUAGES ? (base as Locale) : undefined;
}
