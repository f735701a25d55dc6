import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../audit.js";
import { LedgerEntry } from "../customers.js";
import { USER_ERROR_CODES } from "../errors.js";
import { BUILT_IN_PAYMENT_METHODS } from "../sales.js";
import en from "./en.js";
import { fill } from "./fill.js";
import fr from "./fr.js";
import sw from "./sw.js";

const LANGUAGES = { en, fr, sw } as Record<string, Record<string, string>>;
/** The top-level `{…}` groups of a text, as their insides. */
function groups(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "{" && depth++ === 0) start = i + 1;
    else if (text[i] === "}" && --depth === 0) out.push(text.slice(start, i));
  }
  return out;
}

/** `{name}` and `{name, plural, …}` parameters a message takes, and those inside its plural branches. */
function paramsOf(text: string): Set<string> {
  const names = new Set<string>();
  for (const inner of groups(text)) {
    const plural = /^(\w+),\s*plural,/.exec(inner);
    if (!plural) {
      names.add(inner);
      continue;
    }
    names.add(plural[1] as string);
    for (const branch of groups(inner)) for (const n of paramsOf(branch)) names.add(n);
  }
  return names;
}

describe("the message catalogue", () => {
  it("has a message for every error code a person can meet, in every language", () => {
    for (const [lang, messages] of Object.entries(LANGUAGES)) {
      const missing = USER_ERROR_CODES.filter((code) => !messages[`error.${code}`]);
      expect(missing, lang).toEqual([]);
    }
  });

  it("names every action of the activity log", () => {
    const missing = AUDIT_ACTIONS.filter((action) => !(`admin.audit.${action}` in en));
    expect(missing).toEqual([]);
  });

  it("names what the server writes on receipts and statements: every payment method and ledger entry", () => {
    const wanted = [
      ...BUILT_IN_PAYMENT_METHODS.map((m) => `sell.method.${m}`),
      ...LedgerEntry.shape.kind.options.map((k) => `printed.ledger.${k}`),
    ];
    expect(wanted.filter((key) => !(key in en))).toEqual([]);
  });

  it("has every key in every language, and no key English lacks", () => {
    const keys = Object.keys(en).sort();
    for (const [lang, messages] of Object.entries(LANGUAGES)) {
      expect(Object.keys(messages).sort(), lang).toEqual(keys);
      const empty = Object.entries(messages).filter(([, text]) => !text.trim());
      expect(empty, lang).toEqual([]);
    }
  });

  it("takes the same parameters in every language", () => {
    for (const [key, text] of Object.entries(en)) {
      for (const lang of ["fr", "sw"]) {
        expect([...paramsOf(LANGUAGES[lang]?.[key] ?? "")].sort(), `${lang} ${key}`).toEqual(
          [...paramsOf(text)].sort(),
        );
      }
    }
  });
});

describe("plurals", () => {
  const sales = en["sales.count"];
  it("picks the form the number takes in the language", () => {
    expect(fill(sales, { count: 1, total: "KES 5" }, "en")).toBe("1 sale · KES 5");
    expect(fill(sales, { count: 2, total: "KES 5" }, "en")).toBe("2 sales · KES 5");
    expect(fill(sales, { count: 1250, total: "KES 5" }, "en")).toBe("1,250 sales · KES 5");
    const piece = fr["stock.unit.piece"];
    expect(fill(piece, { count: 1 }, "fr")).toBe("pièce");
    expect(fill(piece, { count: 1.5 }, "fr")).toBe("pièce");
    expect(fill(piece, { count: 2 }, "fr")).toBe("pièces");
    expect(fill(en["stock.unit.bottle"], { count: 72 }, "en")).toBe("bottles");
    expect(fill(sw["dashboard.owed.summary"], { count: 1, total: "KES 5" }, "sw")).toBe("Mteja 1 anadaiwa KES 5");
  });

  it("fills plain parameters and leaves unknown ones visible", () => {
    expect(fill("{a} and {b}", { a: "x" }, "en")).toBe("x and {b}");
    expect(fill("{n, plural, =0 {none} other {# items}}", { n: 0 }, "en")).toBe("none");
  });
});
