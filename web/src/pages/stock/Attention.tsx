import { type StockAttention, stockAttention } from "../../api/stock";
import { t } from "../../i18n";
import { Link } from "../../router";
import { useFormat, useLoad } from "./shared";

type Item = StockAttention["notCounted"][number];

/**
 * The owner's "count me" list (stock nobody has counted yet) and what went below zero, on top of
 * the stock screen; nothing shows while both are empty.
 */
export function Attention() {
  const lists = useLoad(stockAttention, []);
  const data = lists.data;
  if (!data || (data.notCounted.length === 0 && data.belowZero.length === 0)) return null;
  return (
    <section class="card attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t("stock.attention.title")}</h2>
      <Part
        id="attention-uncounted"
        title={t("stock.attention.notCounted", { count: data.notCounted.length })}
        hint={t("stock.attention.notCounted.hint")}
        items={data.notCounted}
      />
      <Part
        id="attention-below"
        title={t("stock.attention.belowZero", { count: data.belowZero.length })}
        hint={t("stock.attention.belowZero.hint")}
        items={data.belowZero}
      />
      <Link class="btn btn-secondary" href="/stock/counts">
        {t("stock.attention.count")}
      </Link>
    </section>
  );
}

function Part({ id, title, hint, items }: { id: string; title: string; hint: string; items: Item[] }) {
  const fmt = useFormat();
  if (items.length === 0) return null;
  return (
    <div>
      <h3 id={id}>{title}</h3>
      <p class="hint">{hint}</p>
      <ul class="rows" aria-labelledby={id}>
        {items.map((i) => (
          <li key={`${i.productId}-${i.locationId}`}>
            <Link class="row" href={`/stock/${i.productId}`}>
              <span class="row-main">
                <span class="row-title">{i.name}</span>
                <span class="row-sub">
                  {t("stock.attention.row", { quantity: fmt.qty(i.quantity, i.unit), location: i.locationName })}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
