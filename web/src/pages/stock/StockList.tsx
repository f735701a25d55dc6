import { useEffect, useState } from "preact/hooks";
import { EXPORT_CSV_URL, listCategories, listProducts, type ProductItem } from "../../api/stock";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { forgetWithSession } from "../../data/cache";
import { useLoad } from "../../data/use-load";
import { type MessageKey, t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { Link } from "../../router";
import { useMe } from "../../session";
import { Attention } from "./Attention";
import { LocationSelect, rememberLocation, StockBadge, useFormat, useLocations } from "./shared";
import "./stock.css";

type StateFilter = "" | "low" | "out" | "uncounted" | "archived";
const FILTERS: [StateFilter, MessageKey][] = [
  ["", "stock.filter.all"],
  ["low", "stock.filter.low"],
  ["out", "stock.filter.out"],
  ["uncounted", "stock.filter.uncounted"],
];

/** The filters survive a visit to a product and back, not a sign-out. */
const NO_FILTERS = { q: "", state: "" as StateFilter, category: "", locationId: "" };
let kept = NO_FILTERS;
forgetWithSession(() => {
  kept = NO_FILTERS;
});

/** The product list: search, filters, big rows with their stock, and "load more". */
export default function StockList() {
  const me = useMe();
  const owner = me.permissions.includes("products.write");
  const locations = useLocations();
  const [text, setText] = useState(kept.q);
  const [filters, setFilters] = useState(kept);
  const [more, setMore] = useState<{ items: ProductItem[]; cursor: string | null; busy: boolean; error?: unknown }>({
    items: [],
    cursor: null,
    busy: false,
  });
  const categories = useLoad(() => listCategories().then((r) => r.categories), []);

  // Typing waits for a pause before asking the server: one request per word, not per letter.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === text.trim() ? f : { ...f, q: text.trim() })), 300);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    kept = filters;
  }, [filters]);

  const query = (cursor?: string) =>
    listProducts({
      q: filters.q || undefined,
      category: filters.category || undefined,
      locationId: filters.locationId || undefined,
      stock: filters.state === "archived" || filters.state === "" ? undefined : filters.state,
      archived: filters.state === "archived" ? "true" : undefined,
      cursor,
      limit: 30,
    });
  const page = useLoad(() => query(), [filters]);
  useEffect(() => setMore({ items: [], cursor: null, busy: false }), [page.data]);

  const loadMore = async () => {
    const cursor = more.cursor ?? page.data?.nextCursor;
    if (!cursor) return;
    setMore((m) => ({ ...m, busy: true, error: undefined }));
    try {
      const next = await query(cursor);
      setMore((m) => ({ items: [...m.items, ...next.items], cursor: next.nextCursor, busy: false }));
    } catch (error) {
      setMore((m) => ({ ...m, busy: false, error }));
    }
  };

  const items = [...(page.data?.items ?? []), ...more.items];
  const nextCursor = more.items.length ? more.cursor : page.data?.nextCursor;
  const set = (change: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...change }));
  const stateFilters: [StateFilter, MessageKey][] = owner
    ? [...FILTERS, ["archived", "stock.filter.archived"]]
    : FILTERS;

  return (
    <div class="stack page-wide">
      <div class="title-row">
        <h1>{t("stock.list.title")}</h1>
        {owner && (
          <Link class="btn" href="/stock/new">
            {t("stock.add")}
          </Link>
        )}
      </div>
      <nav class="link-row" aria-label={t("stock.list.title")}>
        <Link href="/stock/low">{t("stock.low.link")}</Link>
        <Link href="/stock/counts">{t("stock.counts.link")}</Link>
        {me.permissions.includes("stock.export") && (
          <a href={EXPORT_CSV_URL} download>
            {t("stock.export")}
          </a>
        )}
      </nav>
      {me.permissions.includes("stock.adjust") && <Attention />}
      <div class="stack filters">
        <div class="field">
          <label for="f-q">{t("stock.search")}</label>
          <input
            id="f-q"
            type="search"
            value={text}
            aria-describedby="f-q-hint"
            autocomplete="off"
            enterkeyhint="search"
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <p class="hint" id="f-q-hint">
            {t("stock.search.hint")}
          </p>
        </div>
        <fieldset class="chips">
          <legend class="sr-only">{t("stock.filter.state")}</legend>
          {stateFilters.map(([value, key]) => (
            <label key={value} class="chip">
              <input
                type="radio"
                name="state"
                value={value}
                checked={filters.state === value}
                onChange={() => set({ state: value })}
              />
              <span>{t(key)}</span>
            </label>
          ))}
        </fieldset>
        {(categories.data?.length ?? 0) > 0 && (
          <div class="field">
            <label for="f-category">{t("stock.filter.category")}</label>
            <select id="f-category" value={filters.category} onChange={(e) => set({ category: e.currentTarget.value })}>
              <option value="">{t("stock.filter.allCategories")}</option>
              {categories.data?.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        )}
        {locations && locations.length > 1 && (
          <LocationSelect
            id="f-location"
            label={t("stock.location")}
            allLabel={t("stock.location.all")}
            value={filters.locationId}
            locations={locations}
            onChange={(id) => {
              if (id) rememberLocation(id);
              set({ locationId: id });
            }}
          />
        )}
      </div>
      <Results
        items={items}
        loading={page.loading}
        error={page.error}
        retry={page.reload}
        filtered={!!(filters.q || filters.state || filters.category)}
      />
      {more.error !== undefined && <Notice kind="error">{errorMessage(more.error)}</Notice>}
      {nextCursor && !page.loading && (
        <Button variant="secondary" busy={more.busy} busyLabel={t("stock.loadingMore")} onClick={() => void loadMore()}>
          {t("stock.loadMore")}
        </Button>
      )}
    </div>
  );
}

function Results(props: {
  items: ProductItem[];
  loading: boolean;
  error: unknown;
  retry: () => void;
  filtered: boolean;
}) {
  const fmt = useFormat();
  if (props.error !== undefined) {
    return (
      <div class="stack">
        <Notice kind="error">{errorMessage(props.error)}</Notice>
        <Button variant="secondary" onClick={props.retry}>
          {t("app.retry")}
        </Button>
      </div>
    );
  }
  if (props.loading && props.items.length === 0) return <Spinner label={t("stock.searching")} />;
  if (props.items.length === 0) return <p class="empty">{t(props.filtered ? "stock.noMatch" : "stock.empty")}</p>;
  return (
    <div aria-busy={props.loading || undefined}>
      <p class="hint" role="status">
        {props.loading ? t("stock.searching") : t("stock.shown", { count: props.items.length })}
      </p>
      <ul class="rows product-rows">
        {props.items.map((p) => (
          <li key={p.id}>
            <Link class="row" href={`/stock/${p.id}`}>
              <span class="row-main">
                <span class="row-title">{p.name}</span>
                <span class="row-sub">{[fmt.money(p.price), p.sku].filter(Boolean).join(" · ")}</span>
              </span>
              <span class="row-side">
                <span class="row-qty">{fmt.qty(p.stock, p.unit)}</span>
                <StockBadge state={p.stockState} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
