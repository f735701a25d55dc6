import type { Dashboard } from "../../api/dashboard";
import { t } from "../../i18n";
import type { formatterFor } from "../../lib/format";

type Fmt = ReturnType<typeof formatterFor>;
type FigureData = Dashboard["netSales"];

/** One headline number with its change against the previous equal period. */
export function Figure(props: {
  label: string;
  figure: FigureData;
  show: (n: number) => string;
  big?: boolean;
  testId?: string;
}) {
  const { figure, show } = props;
  const sign = figure.change > 0 ? "+" : figure.change < 0 ? "−" : "";
  const pct = figure.changePercent === null ? "" : ` (${sign}${Math.abs(figure.changePercent)}%)`;
  const trend = figure.change > 0 ? "up" : figure.change < 0 ? "down" : "flat";
  return (
    <div class={`figure${props.big ? " figure-big" : ""}`}>
      <span class="figure-label">{props.label}</span>
      <strong class="figure-value" data-testid={props.testId}>
        {show(figure.value)}
      </strong>
      <span class={`figure-change figure-${trend}`}>
        {figure.previous === 0 && figure.value === 0
          ? t("dashboard.noPrevious")
          : t("dashboard.vsPrevious", { change: `${sign}${show(Math.abs(figure.change))}${pct}` })}
      </span>
    </div>
  );
}

/** Best sellers, low stock, stock status, who owes and the owner's breakdowns. */
export function Lists({ data, fmt, owner }: { data: Dashboard; fmt: Fmt; owner: boolean }) {
  const sellers = data.bestSellers.byRevenue.length ? data.bestSellers.byRevenue : data.bestSellers.byQuantity;
  return (
    <>
      <section class="card" aria-labelledby="dash-best">
        <h3 id="dash-best">{t("dashboard.bestSellers")}</h3>
        {sellers.length === 0 ? (
          <p class="hint">{t("dashboard.bestSellers.empty")}</p>
        ) : (
          <ol class="rows">
            {sellers.map((s) => (
              <li key={s.productId}>
                <span>
                  {s.name}
                  <small>{t("dashboard.bestSellers.sold", { quantity: fmt.number(s.quantity) })}</small>
                </span>
                <strong>{fmt.money(s.revenue)}</strong>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="card" aria-labelledby="dash-low">
        <h3 id="dash-low">{t("dashboard.lowStock")}</h3>
        <p class="hint">
          {t("dashboard.stock.summary", {
            in: fmt.number(data.stock.inStock),
            low: fmt.number(data.stock.low),
            out: fmt.number(data.stock.out),
          })}
          {data.stock.valueAtCost !== undefined && data.stock.valueAtPrice !== undefined
            ? ` · ${t("dashboard.stock.value", {
                cost: fmt.money(data.stock.valueAtCost),
                price: fmt.money(data.stock.valueAtPrice),
              })}`
            : ""}
        </p>
        {data.lowStock.length === 0 ? (
          <p class="hint">{t("dashboard.lowStock.empty")}</p>
        ) : (
          <ul class="rows">
            {data.lowStock.map((l) => (
              <li key={`${l.productId}-${l.locationId}`}>
                <span>{l.name}</span>
                <span class={l.stockState === "out" ? "danger-text" : undefined}>
                  {l.stockState === "out"
                    ? t("dashboard.lowStock.out", { location: l.locationName })
                    : t("dashboard.lowStock.low", { quantity: fmt.number(l.quantity), location: l.locationName })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {owner && data.owed ? (
        <section class="card" aria-labelledby="dash-owed">
          <h3 id="dash-owed">{t("dashboard.owed")}</h3>
          {data.owed.customers === 0 ? (
            <p class="hint">{t("dashboard.owed.empty")}</p>
          ) : (
            <>
              <p class="hint">
                {t("dashboard.owed.summary", {
                  count: fmt.number(data.owed.customers),
                  total: fmt.money(data.owed.totalOwed),
                })}
              </p>
              <ul class="rows">
                {data.owed.top.map((c) => (
                  <li key={c.id}>
                    <span>{c.name}</span>
                    <strong>{fmt.money(c.balance)}</strong>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      {owner && data.byLocation && data.byLocation.length > 1 ? (
        <section class="card" aria-labelledby="dash-loc">
          <h3 id="dash-loc">{t("dashboard.byLocation")}</h3>
          <ul class="rows">
            {data.byLocation.map((g) => (
              <li key={g.id}>
                <span>{g.name}</span>
                <strong>{fmt.money(g.netSales)}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
