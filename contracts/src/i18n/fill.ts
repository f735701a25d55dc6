/**
 * Filling a catalogue message: the one implementation the web app and the server share, so a
 * plural reads the same on a screen and on a printed receipt.
 */
export type Params = Record<string, string | number>;

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
