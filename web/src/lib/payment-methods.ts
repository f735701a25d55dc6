import type { BusinessResponse } from "@duka/contracts";
import { hasMessage, t } from "../i18n";

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

/** The shop's payment methods; the built-in four until its settings are known. */
export const methodsOf = (settings: Settings | undefined) => settings?.paymentMethods ?? FALLBACK;

/** A method's name: the shop's own label, else ours in the reader's language, else its code. */
export function methodLabel(method: string, label?: string | null): string {
  // The server echoes the code as the label when the shop has not renamed a method.
  if (label && label !== method) return label;
  const key = `sell.method.${method}`;
  return hasMessage(key) ? t(key) : method.replace(/_/g, " ");
}

export const visibleMethods = (list: Settings["paymentMethods"]): Method[] =>
  list.filter((m) => !m.hidden).map((m) => ({ method: m.method, label: methodLabel(m.method, m.label) }));
