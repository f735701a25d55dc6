import { hasMessage, t } from "../i18n";

/**
 * A unit in the user's language, in the plural form its quantity takes ("1 bottle", "72 bottles",
 * "1,5 pièce"); a unit the catalogue does not know is shown as the shop typed it. Without a
 * quantity (a label such as "Quantity (pcs)") it takes the form for many.
 */
export function unitWord(unit: string, quantity = 2): string {
  const key = `stock.unit.${unit}`;
  return hasMessage(key) ? t(key, { count: quantity }) : unit;
}
