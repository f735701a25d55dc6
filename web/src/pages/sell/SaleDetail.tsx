import { useState } from "preact/hooks";
import { getSale, type Sale } from "../../api/sales";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { methodLabel } from "../../lib/payment-methods";
import { Link, type ScreenProps } from "../../router";
import { useMe } from "../../session";
import { RefundForm, VoidForm } from "./SaleActions";
import { mayCorrect } from "./sale-actions";
import "./sell.css";
import "./sales.css";
import { useLoad } from "../../data/use-load";

/** One sale: who, when, what, how paid; the owner may void it or refund some lines. */
export default function SaleDetail({ params }: ScreenProps) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const id = params.id ?? "";
  const sale = useLoad(() => getSale(id), [id]);
  const [done, setDone] = useState("");
  if (sale.loading && !sale.data) return <Spinner label={t("app.loading")} />;
  if (!sale.data) return <Notice kind="error">{errorMessage(sale.error)}</Notice>;
  const s = sale.data;
  const changed = (next: Sale, message: string) => {
    sale.set(next);
    setDone(message);
  };
  const canVoid = mayCorrect(s, me.permissions);

  return (
    <div class="stack">
      <Link class="sell-link" href="/sales">
        {t("sales.back")}
      </Link>
      <div class="sell-head">
        <h1>{t("sales.number", { number: s.number })}</h1>
        <span class={`badge badge-${s.status}`}>{t(`sales.status.${s.status}`)}</span>
        {s.kind === "refund" && <span class="badge">{t("sales.kind.refund")}</span>}
      </div>
      {s.imported && <Notice kind="info">{t("sales.imported", { ref: s.externalRef ?? "—" })}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      {s.offline && (
        <Notice kind="info">
          <p>{t("offline.sale.flag", { number: s.offline.provisional })}</p>
          {s.offline.overLimit && <p>{t("offline.sale.overLimit")}</p>}
          {s.offline.priceChanged && <p>{t("offline.sale.priceChanged")}</p>}
        </Notice>
      )}
      <dl class="done-figures">
        <div>
          <dt>{t("sell.receipt.date")}</dt>
          <dd>{fmt.date(s.occurredAt, "dateTime")}</dd>
        </div>
        <div>
          <dt>{t("sales.location")}</dt>
          <dd>{s.receipt.locationName}</dd>
        </div>
        <div>
          <dt>{t("sales.staff")}</dt>
          <dd>{s.receipt.staffName}</dd>
        </div>
        {s.receipt.customerName && (
          <div>
            <dt>{t("sell.receipt.customer")}</dt>
            <dd>{s.receipt.customerName}</dd>
          </div>
        )}
        <div>
          <dt>{t("sell.done.paid")}</dt>
          <dd>{methodLabel(s.payment.method, s.payment.label)}</dd>
        </div>
        {s.payment.reference && (
          <div>
            <dt>{t("sell.receipt.reference")}</dt>
            <dd class="mono">{s.payment.reference}</dd>
          </div>
        )}
        <div>
          <dt>{t("sell.total")}</dt>
          <dd>{fmt.money(s.total)}</dd>
        </div>
        {s.refunded > 0 && (
          <div>
            <dt>{t("sell.receipt.refunded")}</dt>
            <dd>{fmt.money(s.refunded)}</dd>
          </div>
        )}
        {s.voidReason && (
          <div>
            <dt>{t("sales.void.reasonWas")}</dt>
            <dd>{s.voidReason}</dd>
          </div>
        )}
        {s.note && (
          <div>
            <dt>{t("sell.pay.note")}</dt>
            <dd>{s.note}</dd>
          </div>
        )}
      </dl>
      <section class="stack" aria-labelledby="sale-lines">
        <h2 id="sale-lines">{t("sell.receipt.lines")}</h2>
        <ul class="list-plain cart">
          {s.lines.map((l) => (
            <li key={l.lineNo} class="cart-line">
              <div class="cart-line-head">
                <span class="cart-line-name">{l.name}</span>
                <span class="cart-line-total">{fmt.money(l.lineTotal)}</span>
              </div>
              <p class="hint">
                {t("sell.receipt.qty", { quantity: fmt.number(l.quantity), price: fmt.money(l.unitPrice) })}
                {l.refundedQuantity > 0 &&
                  ` · ${t("sell.receipt.refundedQty", { quantity: fmt.number(l.refundedQuantity) })}`}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <Link class="btn btn-secondary" href={`/sales/${s.id}/receipt`}>
        {t("sell.done.receipt")}
      </Link>
      {canVoid && (
        <>
          <RefundForm
            sale={s}
            onDone={(next, amount) => changed(next, t("sales.refund.done", { amount: fmt.money(amount) }))}
          />
          <VoidForm sale={s} onDone={(next) => changed(next, t("sales.void.done", { number: next.number }))} />
        </>
      )}
    </div>
  );
}
