import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { type ProductItem, searchProducts } from "../../api/sales";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { unitWord } from "../../lib/units";
import { useDebounced } from "../../lib/use-debounced";
import { useMe } from "../../session";
import { refreshFavourites } from "./cart";
import { useTillLocation } from "./till-location";

interface Props {
  onPick: (product: ProductItem) => void;
  /** Shown beside the search box (the Scan button, where the phone can scan). */
  addon?: ComponentChildren;
  /** Set from outside (a scanned code nobody matched exactly). */
  preset?: string;
  /** Tells the parent whether a search is showing, so it can hide the quick picks. */
  onActive?: (active: boolean) => void;
}

/** One box for name, SKU or barcode; results are whole-row buttons. Enter adds a single match. */
export function ProductSearch({ onPick, addon, preset, onActive }: Props) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 250);
  const [results, setResults] = useState<ProductItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef("");
  const input = useRef<HTMLInputElement>(null);
  const locationId = useTillLocation();

  useEffect(() => {
    if (preset) setQ(preset);
  }, [preset]);

  useEffect(() => onActive?.(q.trim() !== ""), [q]);

  useEffect(() => {
    latest.current = query;
    if (!query) {
      setResults(null);
      setError(null);
      return;
    }
    setBusy(true);
    searchProducts(query, 20, locationId).then(
      (page) => {
        if (latest.current !== query) return; // a slow older answer must not replace a newer one
        setResults(page.items);
        setError(null);
        setBusy(false);
        refreshFavourites(me.user.id, page.items);
      },
      (err) => {
        if (latest.current !== query) return;
        setError(err);
        setBusy(false);
      },
    );
  }, [query, locationId]);

  function pick(p: ProductItem) {
    onPick(p);
    setQ("");
    setResults(null);
    input.current?.focus();
  }

  async function onEnter() {
    const text = q.trim();
    if (!text) return;
    // A hand-held scanner types the code and presses Enter: look it up now, without waiting.
    const items = latest.current === text && results ? results : (await searchProducts(text, 20, locationId)).items;
    const exact = items.filter((p) => p.barcode === text || p.sku === text);
    const only = exact.length === 1 ? exact[0] : items.length === 1 ? items[0] : undefined;
    if (only) pick(only);
  }

  return (
    <div class="stack sell-search">
      <div class="field">
        <label for="sell-q">{t("sell.search")}</label>
        <div class="field-row">
          <input
            ref={input}
            id="sell-q"
            type="search"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void onEnter().catch(setError);
              }
            }}
            aria-describedby="sell-q-hint"
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            enterkeyhint="search"
          />
          {addon}
        </div>
        <p class="hint" id="sell-q-hint">
          {t("sell.search.hint")}
        </p>
      </div>
      {busy && <Spinner label={t("sell.searching")} />}
      {error !== null && <Notice kind="error">{errorMessage(error)}</Notice>}
      {results && !busy && results.length === 0 && (
        <p role="status" class="hint">
          {t("sell.search.none", { q: query })}
        </p>
      )}
      {results && results.length > 0 && (
        <ul class="sell-results" aria-label={t("sell.search.results")}>
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" class="sell-result" onClick={() => pick(p)}>
                <span class="sell-result-name">{p.name}</span>
                <span class="sell-result-price">{fmt.money(p.price)}</span>
                <span class={p.stock > 0 ? "hint" : "sell-out"}>
                  {p.stock > 0
                    ? t("sell.stock", { quantity: fmt.number(p.stock), unit: unitWord(p.unit, p.stock) })
                    : t("sell.stock.out")}
                  {p.sku ? ` · ${p.sku}` : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
