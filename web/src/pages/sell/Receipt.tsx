import { useEffect, useState } from "preact/hooks";
import { receiptPdfUrl } from "../../api/documents";
import { getSale, receiptText } from "../../api/sales";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { methodLabel } from "../../lib/payment-methods";
import { Link, type ScreenProps } from "../../router";
import { useMe } from "../../session";
import { SaleDocuments } from "./SaleDocuments";
import "./sell.css";
import "./sales.css";
import "./receipt.css";
import { useLoad } from "../../data/use-load";

type Paper = "58" | "80";
const PAPER_KEY = "duka.receipt.paper";

function savedPaper(): Paper {
  try {
    return localStorage.getItem(PAPER_KEY) === "58" ? "58" : "80";
  } catch {
    return "80";
  }
}

/** wa.me takes the number in international form, digits only: "+254 722 111222" → "254722111222". */
export function chatNumber(phone: string | null): string | undefined {
  if (!phone?.trim().startsWith("+")) return undefined;
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 8 ? digits : undefined;
}

/** One sale's receipt: readable on the phone, and printed on a 58 or 80 mm till roll by print CSS. */
export default function Receipt({ params }: ScreenProps) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const id = params.id ?? "";
  const sale = useLoad(() => getSale(id), [id]);
  const [text, setText] = useState<string | null>(null);
  const [paper, setPaper] = useState<Paper>(savedPaper);
  const [shared, setShared] = useState("");

  useEffect(() => {
    // Fetched ahead, so Share can open the share sheet straight from the tap.
    receiptText(id).then(setText, () => setText(null));
  }, [id]);

  if (sale.loading && !sale.data) return <Spinner label={t("app.loading")} />;
  if (!sale.data) return <Notice kind="error">{errorMessage(sale.error)}</Notice>;
  const s = sale.data;
  const canShare = typeof navigator.share === "function";
  const share = async () => {
    if (!text) return;
    try {
      await navigator.share({ title: t("sell.receipt.title", { number: s.number }), text });
      setShared(t("sell.receipt.shared"));
    } catch {
      // the person closed the share sheet: nothing to say
    }
  };
  const encoded = encodeURIComponent(text ?? "");
  const to = chatNumber(s.receipt.customerPhone);
  const whatsapp = (
    <a class="btn btn-secondary" href={`https://wa.me/${to ?? ""}?text=${encoded}`} target="_blank" rel="noopener">
      {to && s.receipt.customerName
        ? t("sell.receipt.whatsappTo", { name: s.receipt.customerName })
        : t("sell.receipt.whatsapp")}
    </a>
  );

  return (
    <div class="stack">
      <div class="sell-head no-print">
        <Link class="sell-link" href={`/sales/${s.id}`}>
          {t("sell.receipt.toSale")}
        </Link>
        <Link class="sell-link" href="/sell">
          {t("sell.receipt.toSell")}
        </Link>
      </div>
      <h1 class="visually-hidden">{t("sell.receipt.title", { number: s.number })}</h1>
      <article class={`receipt paper-${paper}`} aria-label={t("sell.receipt.title", { number: s.number })}>
        <header class="receipt-head">
          <p class="receipt-business">{s.receipt.businessName}</p>
          <p>{s.receipt.locationName}</p>
          <p>{t("sell.receipt.number", { number: s.number })}</p>
          {s.offline && <p>{t("offline.done.provisional", { number: s.offline.provisional })}</p>}
          <p>{fmt.date(s.occurredAt, "dateTime")}</p>
          <p>{t("sell.receipt.servedBy", { name: s.receipt.staffName })}</p>
          {s.receipt.customerName && <p>{t("sell.receipt.customerIs", { name: s.receipt.customerName })}</p>}
        </header>
        {s.status === "voided" && <p class="receipt-void">{t("sell.receipt.voided")}</p>}
        <table class="receipt-lines">
          <caption class="visually-hidden">{t("sell.receipt.lines")}</caption>
          <thead class="visually-hidden">
            <tr>
              <th scope="col">{t("sell.receipt.item")}</th>
              <th scope="col">{t("sell.receipt.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l) => (
              <tr key={l.lineNo}>
                <td>
                  {l.name}
                  <br />
                  <span class="receipt-qty">
                    {t("sell.receipt.qty", { quantity: fmt.number(l.quantity), price: fmt.money(l.unitPrice) })}
                  </span>
                  {l.discount > 0 && (
                    <span class="receipt-qty">
                      {" "}
                      · {t("sell.receipt.lineDiscount", { amount: fmt.money(l.discount) })}
                    </span>
                  )}
                  {l.refundedQuantity > 0 && (
                    <span class="receipt-qty">
                      {" "}
                      · {t("sell.receipt.refundedQty", { quantity: fmt.number(l.refundedQuantity) })}
                    </span>
                  )}
                </td>
                <td class="num">{fmt.money(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl class="receipt-totals">
          <div>
            <dt>{t("sell.receipt.subtotal")}</dt>
            <dd>{fmt.money(s.subtotal)}</dd>
          </div>
          {s.discount > 0 && (
            <div>
              <dt>{t("sell.receipt.discount")}</dt>
              <dd>−{fmt.money(s.discount)}</dd>
            </div>
          )}
          <div class="receipt-total">
            <dt>{t("sell.total")}</dt>
            <dd>{fmt.money(s.total)}</dd>
          </div>
          <div>
            <dt>{t("sell.done.paid")}</dt>
            <dd>{methodLabel(s.payment.method, s.payment.label)}</dd>
          </div>
          {s.payment.reference && (
            <div>
              <dt>{t("sell.receipt.reference")}</dt>
              <dd>{s.payment.reference}</dd>
            </div>
          )}
          {s.amountTendered !== null && (
            <div>
              <dt>{t("sell.pay.tendered")}</dt>
              <dd>{fmt.money(s.amountTendered)}</dd>
            </div>
          )}
          {s.change !== null && (
            <div>
              <dt>{t("sell.done.change")}</dt>
              <dd>{fmt.money(s.change)}</dd>
            </div>
          )}
          {s.refunded > 0 && (
            <div>
              <dt>{t("sell.receipt.refunded")}</dt>
              <dd>−{fmt.money(s.refunded)}</dd>
            </div>
          )}
        </dl>
        {s.note && <p class="receipt-note">{s.note}</p>}
        <p class="receipt-thanks">{t("sell.receipt.thanks")}</p>
      </article>

      <div class="stack no-print">
        <div class="field">
          <label for="receipt-paper">{t("sell.receipt.paper")}</label>
          <select
            id="receipt-paper"
            value={paper}
            onChange={(e) => {
              const next = e.currentTarget.value === "58" ? "58" : "80";
              setPaper(next);
              try {
                localStorage.setItem(PAPER_KEY, next);
              } catch {
                // remembered for this page only
              }
            }}
          >
            <option value="58">{t("sell.receipt.paper58")}</option>
            <option value="80">{t("sell.receipt.paper80")}</option>
          </select>
        </div>
        <button type="button" class="btn btn-primary" onClick={() => print()}>
          {t("sell.receipt.print")}
        </button>
        {canShare && (
          <button type="button" class="btn btn-secondary" disabled={!text} onClick={() => void share()}>
            {t("sell.receipt.share")}
          </button>
        )}
        {canShare && to && whatsapp}
        {!canShare && (
          <div class="receipt-links">
            {whatsapp}
            <a class="btn btn-secondary" href={`sms:${s.receipt.customerPhone ?? ""}?body=${encoded}`}>
              {t("sell.receipt.sms")}
            </a>
          </div>
        )}
        {shared && <Notice kind="success">{shared}</Notice>}
        <a class="btn btn-secondary" href={receiptPdfUrl(s.id)} download={`receipt-${s.number}.pdf`}>
          {t("docs.receiptPdf")}
        </a>
        <SaleDocuments saleId={s.id} />
      </div>
    </div>
  );
}
