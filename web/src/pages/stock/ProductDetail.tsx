import { useState } from "preact/hooks";
import { type ProductDetail as Detail, getProduct, listMovements } from "../../api/stock";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useAction } from "../../lib/use-action";
import { Link, type ScreenProps } from "../../router";
import { useMe } from "../../session";
import { Loaded, StockBadge, useFormat, useLoad, word } from "./shared";
import "./stock.css";

/** One product: its stock everywhere, what can be done to it, and its ledger. */
export default function ProductDetail({ params }: ScreenProps) {
  const id = params.id ?? "";
  const product = useLoad(() => getProduct(id), [id]);
  return (
    <div class="stack">
      <Link href="/stock">{t("stock.back")}</Link>
      <Loaded state={product}>{(p) => <View product={p} />}</Loaded>
    </div>
  );
}

function View({ product: p }: { product: Detail }) {
  const me = useMe();
  const fmt = useFormat();
  const can = (permission: string) => me.permissions.includes(permission);
  const several = p.locations.length > 1;
  return (
    <>
      <div class="stack">
        <h1>{p.name}</h1>
        {p.archived && <Notice kind="info">{t("stock.form.archivedNow")}</Notice>}
      </div>
      <section class="card stack" aria-labelledby="total-title">
        <div class="title-row">
          <div>
            <h2 id="total-title" class="hint">
              {t("stock.detail.total")}
            </h2>
            <p class="big-number">{fmt.qty(p.stock, p.unit)}</p>
          </div>
          <StockBadge state={p.stockState} />
        </div>
        <dl class="facts">
          <dt>{t("stock.detail.price")}</dt>
          <dd>{fmt.money(p.price)}</dd>
          {p.cost != null && (
            <>
              <dt>{t("stock.detail.cost")}</dt>
              <dd>{fmt.money(p.cost)}</dd>
            </>
          )}
          {p.sku && (
            <>
              <dt>{t("stock.detail.sku")}</dt>
              <dd>{p.sku}</dd>
            </>
          )}
          {p.barcode && (
            <>
              <dt>{t("stock.detail.barcode")}</dt>
              <dd>{p.barcode}</dd>
            </>
          )}
          {p.category && (
            <>
              <dt>{t("stock.detail.category")}</dt>
              <dd>{p.category}</dd>
            </>
          )}
        </dl>
      </section>
      {!p.archived && (
        <div class="actions">
          {can("stock.receive") && (
            <Link class="btn" href={`/stock/${p.id}/receive`}>
              {t("stock.action.receive")}
            </Link>
          )}
          {can("stock.adjust") && (
            <Link class="btn btn-secondary" href={`/stock/${p.id}/adjust`}>
              {t("stock.action.adjust")}
            </Link>
          )}
          {can("stock.transfer") && several && (
            <Link class="btn btn-secondary" href={`/stock/${p.id}/transfer`}>
              {t("stock.action.transfer")}
            </Link>
          )}
        </div>
      )}
      <section class="stack" aria-labelledby="where-title">
        <h2 id="where-title">{t("stock.detail.byLocation")}</h2>
        <ul class="rows">
          {p.locations.map((l) => (
            <li key={l.locationId} class="row">
              <span class="row-main">
                <span class="row-title">{l.locationName}</span>
                <span class="row-sub">
                  {t("stock.detail.threshold", { qty: fmt.qty(l.lowStockThreshold, p.unit) })}
                </span>
              </span>
              <span class="row-side">
                <span class="row-qty">{fmt.qty(l.quantity, p.unit)}</span>
                {l.carried ? (
                  <StockBadge state={l.stockState} />
                ) : (
                  <span class="hint">{t("stock.detail.notSold")}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <Ledger product={p} />
      {can("products.write") && (
        <Link class="btn btn-secondary" href={`/stock/${p.id}/edit`}>
          {t("stock.detail.edit")}
        </Link>
      )}
    </>
  );
}

type Row = Detail["recentMovements"][number];
const FIRST_PAGE = 20; // the detail answer carries the latest 20 rows

function Ledger({ product: p }: { product: Detail }) {
  const fmt = useFormat();
  const [older, setOlder] = useState<{ rows: Row[]; cursor: string | null }>({ rows: [], cursor: null });
  const first = p.recentMovements;
  const rows = [...first, ...older.rows];
  const cursor = older.rows.length ? older.cursor : first.length >= FIRST_PAGE ? (first.at(-1)?.id ?? null) : null;
  const more = useAction(async () => {
    if (!cursor) return;
    const page = await listMovements(p.id, cursor);
    setOlder((o) => ({ rows: [...o.rows, ...page.items], cursor: page.nextCursor }));
  });
  const places = new Map(p.locations.map((l) => [l.locationId, l.locationName]));
  const several = p.locations.length > 1;
  return (
    <section class="stack" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t("stock.ledger.title")}</h2>
      {rows.length === 0 ? (
        <p class="empty">{t("stock.ledger.empty")}</p>
      ) : (
        <ul class="rows">
          {rows.map((m) => (
            <li key={m.id} class="row">
              <span class="row-main">
                <span class="row-title">
                  {word("stock.kind", m.kind)}
                  {m.reason ? ` · ${word("stock.reason", m.reason)}` : ""}
                </span>
                <span class="row-sub">
                  {[fmt.date(m.createdAt, "dateTime"), m.userName && t("stock.ledger.by", { name: m.userName })]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                {several && <span class="row-sub">{places.get(m.locationId)}</span>}
                {m.note && <span class="row-sub">{m.note}</span>}
              </span>
              <span class="row-side">
                <span class={`ledger-qty ${m.quantity > 0 ? "plus" : "minus"}`}>
                  {m.quantity > 0 ? "+" : "−"}
                  {fmt.qty(Math.abs(m.quantity), p.unit)}
                </span>
                <span class="row-sub">{t("stock.ledger.level", { qty: fmt.number(m.levelAfter) })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {more.error !== null && <Notice kind="error">{errorMessage(more.error)}</Notice>}
      {cursor && (
        <Button variant="secondary" busy={more.busy} busyLabel={t("stock.loadingMore")} onClick={() => void more.run()}>
          {t("stock.loadMore")}
        </Button>
      )}
    </section>
  );
}
