import { useEffect, useState } from "preact/hooks";
import { type CustomerSalesResponse, getPurchaseHistory } from "../../api/customers";
import { Button } from "../../components/Button";
import { Fit } from "../../components/Fit";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { methodLabel } from "../../lib/payment-methods";
import { useAction } from "../../lib/use-action";
import { useMe } from "../../session";

type Sale = CustomerSalesResponse["items"][number];

/** Owner only: what the customer bought, how often, and their favourite products. */
export function PurchaseHistory({ customerId }: { customerId: string }) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const [summary, setSummary] = useState<CustomerSalesResponse["summary"] | null>(null);
  const [sales, setSales] = useState<Sale[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const load = useAction(getPurchaseHistory);
  const fetchPage = async (after: string | null) => {
    const page = await load.run(customerId, after);
    if (!page) return;
    setSummary(page.summary);
    setSales((prev) => (after ? [...prev, ...page.items] : page.items));
    setCursor(page.nextCursor);
  };
  useEffect(() => void fetchPage(null), [customerId]);
  const month = (m: string) => fmt.day(`${m.slice(0, 7)}-15`, "month");

  return (
    <section class="card stack" aria-labelledby="history-h">
      <h2 id="history-h">{t("customers.history")}</h2>
      {load.busy && !summary && <Spinner label={t("app.loading")} />}
      {load.error !== null && <Notice kind="error">{errorMessage(load.error)}</Notice>}
      {summary && summary.salesCount === 0 && <p class="hint">{t("customers.history.none")}</p>}
      {summary && summary.salesCount > 0 && (
        <>
          <dl class="stats">
            <div class="fit-box">
              <dt>{t("customers.history.totalSpent")}</dt>
              <dd>
                <Fit text={fmt.money(summary.totalSpent)} />
              </dd>
            </div>
            <div>
              <dt>{t("customers.history.visits")}</dt>
              <dd>{fmt.number(summary.visits)}</dd>
            </div>
            <div>
              <dt>{t("customers.history.lastVisit")}</dt>
              <dd>{summary.lastVisit ? fmt.day(summary.lastVisit) : "—"}</dd>
            </div>
          </dl>
          {summary.favouriteProducts.length > 0 && (
            <>
              <h3>{t("customers.history.favourites")}</h3>
              <ul>
                {summary.favouriteProducts.map((p) => (
                  <li key={p.productId}>
                    {t("customers.history.favourite", { name: p.name, quantity: fmt.number(p.quantity) })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {summary.months.length > 0 && (
            <>
              <h3>{t("customers.history.months")}</h3>
              <ul class="statement">
                {summary.months.map((m) => (
                  <li key={m.month}>
                    <span>{month(m.month)}</span>
                    <span class="amount">
                      {fmt.money(m.total)}
                      <span class="hint check-hint">{t("customers.history.salesCount", { count: m.salesCount })}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t("customers.history.sales")}</h3>
          <ul class="rows">
            {sales.map((s) => (
              <li key={s.id} class="sale">
                <strong>{t("customers.history.sale", { number: s.number, total: fmt.money(s.total) })}</strong>
                <span class="hint check-hint">
                  {fmt.date(s.occurredAt, "dateTime")} · {methodLabel(s.paymentMethod)}
                  {s.status === "voided" ? ` · ${t("customers.history.voided")}` : ""}
                  {s.kind === "refund" ? ` · ${t("sales.kind.refund")}` : ""}
                </span>
                <ul>
                  {s.lines.map((l) => (
                    <li key={l.lineNo}>
                      {t("customers.history.line", {
                        quantity: fmt.number(l.quantity),
                        name: l.name,
                        total: fmt.money(l.lineTotal),
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {cursor && (
            <Button
              variant="secondary"
              busy={load.busy}
              busyLabel={t("app.loading")}
              onClick={() => void fetchPage(cursor)}
            >
              {t("customers.loadMore")}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
