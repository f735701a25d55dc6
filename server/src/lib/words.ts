import { fill, type Params } from "@duka/contracts/i18n/fill";
import { en, LANGUAGES, type MessageKey, type Messages, matchLocale } from "@duka/contracts/i18n/languages";

// Every language, loaded once when the server starts: a receipt is written without waiting.
const catalogues = new Map<string, Messages>(
  await Promise.all(Object.entries(LANGUAGES).map(async ([code, l]) => [code, await l.load()] as const)),
);

export type Words = (key: MessageKey, params?: Params) => string;

/**
 * The catalogue's words in a language (the web app's catalogue: one for both), for what the server
 * writes for people. A language Duka does not speak is written in English.
 */
export function wordsFor(locale: string): Words {
  const lang = matchLocale(locale) ?? "en";
  const messages = catalogues.get(lang) ?? en;
  return (key, params) => {
    const text = messages[key] ?? en[key];
    return params ? fill(text, params, locale) : text;
  };
}

/** A payment method as people read it: the shop's own name for it, else the catalogue's, else its code. */
export function methodName(t: Words, payment: { method: string; label: string }): string {
  if (payment.label !== payment.method) return payment.label;
  const key = `sell.method.${payment.method}`;
  return key in en ? t(key as MessageKey) : payment.method.replaceAll("_", " ");
}
