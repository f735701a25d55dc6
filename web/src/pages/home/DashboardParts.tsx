import { useState } from "preact/hooks";
import type { Dashboard } from "../../api/dashboard";
import { Fit } from "../../components/Fit";
import { t } from "../../i18n";
import type { formatterFor } from "../../lib/format";
import { methodLabel } from "../../lib/payment-methods";
import { Link } from "../../router";

type Fmt = ReturnType<typeof formatterFor>;
type FigureData = Dashboard["netSales"];

/** One headline number with its change against the previous equal period. */
export function Figure(props: {
  label: string;
  figure: FigureData;
  show: (n: number) => string;
  big?: boolean;
  testId?: string;
  /** The list behind the number, opened by tapping the tile. */
  href: string;
}) {
  const { figure, show } = props;
  const sign = figure.change > 0 ? "+" : figure.change < 0 ? "−" : "";
  const pct = figure.changePercent === null ? "" : ` (${sign}${Math.abs(figure.changePercent)}%)`;
  const trend = figure.change > 0 ? "up" : figure.change < 0 ? "down" : "flat";
  const change = `${sign}${show(Math.abs(figure.change))}${pct}`;
  return (
    <Link class={`figure figure-link${props.big ? " figure-big" : ""}`} href={props.href}>
      <span class="figure-label">{props.label}</span>
      <strong class="figure-value" data-testid={props.testId}>
        <Fit text={show(figure.value)} />
      </strong>
      <span class={`figure-change figure-${trend}`}>
        {figure.previous === 0 && figure.value === 0 ? t("dashboard.noPrevious") : <Change text={change} />}
      </span>
    </Link>
  );
}

/** "+KES 1,200 vs previous period", the amount on a line of its own that shrinks rather than spill out of a half tile. */
function Change({ text }: { text: string }) {
  const mark = "\u0001";
  const [before = "", after = ""] = t("dashboard.vsPrevious", { change: mark }).split(mark);
  return (
    <>
      {before}
      <Fit text={text} />
      {after.trim()}
    </>
  );
}

/** One breakdown of net sales (by location, staff member or payment method), biggest first. */
function Groups(props: { id: string; title: string; rows: { key: string; name: string; net: number }[]; fmt: Fmt }) {
  if (props.rows.length < 2) return null;
  return (
    <section class="card" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <ul class="rows">
        {props.rows.map((g) => (
          <li key={g.key}>
            <span>{g.name}</span>
            <strong>{props.fmt.money(g.net)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The top products, by money brought in or by quantity: the owner switches between the two. */
function BestSellers({ data, fmt }: { data: Dashboard; fmt: Fmt }) {
  const [by, setBy] = useState<"revenue" | "quantity">("revenue");
  const sellers = by === "revenue" ? data.bestSellers.byRevenue : data.bestSellers.byQuantity;
  return (
    <section class="card" aria-labelledby="dash-best">
      <h3 id="dash-best">{t("dashboard.bestSellers")}</h3>
      <fieldset class="segmented">
        <legend class="visually-hidden">{t("dashboard.bestSellers.by")}</legend>
        {(["revenue", "quantity"] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="best-by" value={k} checked={by === k} onChange={() => setBy(k)} />
            <span>{t(`dashboard.bestSellers.by.${k}`)}</span>
          </label>
        ))}
      </fieldset>
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
  );
}

/** Best sellers, low stock, stock status, who owes and the owner's breakdowns. */
export function Lists({ data, fmt, owner }: { data: Dashboard; fmt: Fmt; owner: boolean }) {
  return (
    <>
      <BestSellers data={data} fmt={fmt} />
      <section class="card" aria-labelledby="dash-low">
        <h3 id="dash-low">{t("dashboard.lowStock")}</h3>
        <p class="hint">
          {t("dashboard.stock.summary", {
            in: fmt.number(data.stock.inStock),
            low: fmt.number(data.stock.low),
            out: fmt.number(data.stock.out),
            notCounted: fmt.number(data.stock.notCounted),
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
                <Link class="rows-link" href="/stock/low">
                  <span>{l.name}</span>
                  <span class={l.stockState === "out" ? "danger-text" : undefined}>
                    {l.stockState === "out"
                      ? t("dashboard.lowStock.out", { location: l.locationName })
                      : t("dashboard.lowStock.low", { quantity: fmt.number(l.quantity), location: l.locationName })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Link class="card-more" href="/stock/low">
          {t("dashboard.lowStock.all")}
        </Link>
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
                  count: data.owed.customers,
                  total: fmt.money(data.owed.totalOwed),
                })}
              </p>
              <ul class="rows">
                {data.owed.top.map((c) => (
                  <li key={c.id}>
                    <Link class="rows-link" href="/customers/owing">
                      <span>{c.name}</span>
                      <strong>{fmt.money(c.balance)}</strong>
                    </Link>
                  </li>
                ))}
              </ul>
              <Link class="card-more" href="/customers/owing">
                {t("dashboard.owed.all")}
              </Link>
            </>
          )}
        </section>
      ) : null}
      {owner ? (
        <>
          <Groups
            id="dash-loc"
            title={t("dashboard.byLocation")}
            rows={(data.byLocation ?? []).map((g) => ({ key: g.id, name: g.name, net: g.netSales }))}
            fmt={fmt}
          />
          <Groups
            id="dash-staff"
            title={t("dashboard.byStaff")}
            rows={(data.byStaff ?? []).map((g) => ({ key: g.id, name: g.name, net: g.netSales }))}
            fmt={fmt}
          />
          <Groups
            id="dash-method"
            title={t("dashboard.byPaymentMethod")}
            rows={(data.byPaymentMethod ?? []).map((g) => ({
              key: g.method,
              name: methodLabel(g.method),
              net: g.netSales,
            }))}
            fmt={fmt}
          />
        </>
      ) : null}
    </>
  );
}
