import { useEffect, useRef } from "preact/hooks";
import type { Sale } from "../../api/sales";
import { Notice } from "../../components/Notice";
import { synced } from "../../data/outbox";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { methodLabel } from "../../lib/payment-methods";
import { useStore } from "../../lib/store";
import { Link } from "../../router";
import { useMe } from "../../session";

/** The server's answer, big and plain: the number, what was paid and the change to hand back. */
export function SaleDone({ sale, warning, onNew }: { sale: Sale; warning?: string | undefined; onNew: () => void }) {
  const fmt = formatterFor(useMe().business, useLocale());
  // A sale kept on the phone has its provisional number until the server gives it its own.
  const number = useStore(synced)[sale.id] ?? sale.number;
  const provisional = sale.offline?.provisional;
  const heading = useRef<HTMLHeadingElement>(null);
  // The server's figures, not the phone's: every discount it applied, on the lines and on the sale.
  const discounts = sale.discount + sale.lines.reduce((sum, l) => sum + l.discount, 0);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section class="stack done" aria-labelledby="done-title">
      <div class="done-head" role="status">
        <h1 id="done-title" ref={heading} tabIndex={-1}>
          {number > 0 ? t("sell.done.title", { number }) : t("offline.done.kept", { number: provisional ?? "" })}
        </h1>
        {provisional && number > 0 && <p class="hint">{t("offline.done.provisional", { number: provisional })}</p>}
        {number === 0 && <p class="hint">{t("offline.done.notSent")}</p>}
        <p class="hint">{fmt.date(sale.occurredAt, "dateTime")}</p>
      </div>
      {warning && <Notice kind="info">{warning}</Notice>}
      <dl class="done-figures">
        {discounts > 0 && (
          <>
            <div>
              <dt>{t("sell.receipt.subtotal")}</dt>
              <dd>{fmt.money(sale.total + discounts)}</dd>
            </div>
            <div>
              <dt>{t("sell.receipt.discount")}</dt>
              <dd>{fmt.money(discounts)}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t("sell.total")}</dt>
          <dd>{fmt.money(sale.total)}</dd>
        </div>
        <div>
          <dt>{t("sell.done.paid")}</dt>
          <dd>{methodLabel(sale.payment.method, sale.payment.label)}</dd>
        </div>
        {sale.amountTendered !== null && (
          <div>
            <dt>{t("sell.pay.tendered")}</dt>
            <dd>{fmt.money(sale.amountTendered)}</dd>
          </div>
        )}
        {sale.change !== null && (
          <div class="done-change">
            <dt>{t("sell.done.change")}</dt>
            <dd>{fmt.money(sale.change)}</dd>
          </div>
        )}
        {sale.receipt.customerName && (
          <div>
            <dt>{t("sell.receipt.customer")}</dt>
            <dd>{sale.receipt.customerName}</dd>
          </div>
        )}
      </dl>
      <button type="button" class="btn btn-primary" onClick={onNew}>
        {t("sell.done.new")}
      </button>
      {number > 0 && (
        <Link class="btn btn-secondary" href={`/sales/${sale.id}/receipt`}>
          {t("sell.done.receipt")}
        </Link>
      )}
    </section>
  );
}
