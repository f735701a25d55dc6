import type { BusinessResponse } from "@duka/contracts";
import { getBusiness } from "../../api/sales";
import { hasMessage, t } from "../../i18n";

export interface Method {
  method: string;
  label: string;
}

type Settings = BusinessResponse["settings"];
const FALLBACK: Settings["paymentMethods"] = [
  { method: "cash" },
  { method: "mobile_money" },
  { method: "card" },
  { method: "credit" },
];

let cached: Settings | undefined;
let pending: Promise<Settings | undefined> | undefined;

/**
 * The shop's settings (payment methods, what staff may change at the till), asked once per app
 * start; undefined while the server is out of reach, and asked again next time.
 */
export function loadSettings(): Promise<Settings | undefined> {
  if (cached) return Promise.resolve(cached);
  pending ??= getBusiness().then(
    (b) => {
      cached = b.settings;
      return cached;
    },
    () => {
      pending = undefined;
      return undefined;
    },
  );
  return pending;
}

export const cachedSettings = () => cached;

/** The shop's payment methods; the built-in four if the server is out of reach. */
export const loadMethods = async () => (await loadSettings())?.paymentMethods ?? FALLBACK;

export const initialMethods = () => cached?.paymentMethods ?? FALLBACK;

/** A method's name: the shop's own label, else ours in the reader's language, else its code. */
export function methodLabel(method: string, label?: string | null): string {
  // The server echoes the code as the label when the shop has not renamed a method.
  if (label && label !== method) return label;
  const key = `sell.method.${method}`;
  return hasMessage(key) ? t(key) : method.replace(/_/g, " ");
}

export const visibleMethods = (list: Settings["paymentMethods"]): Method[] =>
  list.filter((m) => !m.hidden).map((m) => ({ method: m.method, label: methodLabel(m.method, m.label) }));
