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

/** The message for a key in the current language, with `{name}` parameters and plurals filled in. */
export function t(key: MessageKey, params?: Params): string {
  const text = state.get().messages[key] ?? en[key];
  return params ? fill(text, params, state.get().locale) : text;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const pluralOf = (locale: string, n: number) => {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
};

/**
 * Fills `{name}` and the plural form `{count, plural, one {# sale} other {# sales}}` (ICU syntax:
 * the branch for the language's plural category of the number, `=0` for an exact value, `#` the
 * parameter as given), so "1 sale", "2 sales", "1 pièce", "2 pièces" each read right.
 */
export function fill(text: string, params: Params, locale: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open < 0) break;
    const close = matching(text, open);
    out += text.slice(i, open);
    const inner = text.slice(open + 1, close);
    const plural = /^(\w+),\s*plural,\s*/.exec(inner);
    const name = plural ? plural[1] : inner;
    const value = name === undefined ? undefined : params[name];
    if (plural && value !== undefined) {
      const branches = branchesOf(inner.slice(plural[0].length));
      const n = Number(value);
      const branch = branches.get(`=${n}`) ?? branches.get(pluralOf(locale, n)) ?? branches.get("other") ?? "";
      const shown = typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : String(value);
      out += fill(branch, params, locale).replaceAll("#", shown);
    } else {
      out += value === undefined ? text.slice(open, close + 1) : String(value);
    }
    i = close + 1;
  }
  return out + text.slice(i);
}

/** Where the brace opened at `open` closes (the end of the text if it never does). */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === "{") depth++;
    else if (text[j] === "}" && --depth === 0) return j;
  }
  return text.length - 1;
}

/** "one {# sale} other {# sales}" → one → "# sale", other → "# sales". */
function branchesOf(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const close = matching(body, open);
    branches.set(body.slice(i, open).trim(), body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
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
