import type { BusinessSettings } from "@duka/contracts";
import type { Db } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { methodName, type Words, wordsFor } from "../../lib/words.js";
import { getBusiness } from "./business.service.js";

export interface ShopWords {
  t: Words;
  /** A payment method code as the shop names it ("M-Pesa"), else as the catalogue does ("Cash"). */
  methodName: (method: string) => string;
}

/** The words for what the shop hands out, in its language, with its own payment method names. */
export function shopWordsOf(locale: string, settings: BusinessSettings): ShopWords {
  const t = wordsFor(locale);
  const own = (method: string) => settings.paymentMethods.find((p) => p.method === method)?.label ?? method;
  return { t, methodName: (method) => methodName(t, { method, label: own(method) }) };
}

export async function shopWords(db: Db, ctx: Ctx): Promise<ShopWords> {
  const { settings } = await getBusiness(db, ctx);
  return shopWordsOf(ctx.business.locale, settings);
}
