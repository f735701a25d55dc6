import { useState } from "preact/hooks";
import type { LedgerEntry, LedgerResponse } from "../../api/customers";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";
import { balanceText } from "./Repayment";

const KIND_KEYS = {
  credit_sale: "customers.entry.credit_sale",
  repayment: "customers.entry.repayment",
  void: "customers.entry.void",
  refund: "customers.entry.refund",
  advance: "customers.entry.advance",
  opening: "customers.entry.opening",
} as const;

type Shared = "shared" | "copied" | "options" | "copyFailed" | null;

/**
 * The credit book for one customer, newest first with the balance after each line, and a way to
 * send it: the phone's share sheet where there is one, else WhatsApp, SMS or the clipboard.
 */
export function Statement({ ledger }: { ledger: LedgerResponse }) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const [shared, setShared] = useState<Shared>(null);
  const phone = ledger.customer.phone;
  const text = ledger.text;

  const share = async () => {
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ text });
        setShared("shared");
        return;
      } catch (err) {
        // Closing the share sheet is a choice, not a failure; anything else falls back to the options.
        if (err instanceof DOMException && err.name === "AbortError") return;
      }
    }
    setShared("options");
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setShared("copied");
    } catch {
      setShared("copyFailed");
    }
  };

  const entries = [...ledger.entries].reverse();
  return (
    <section class="card stack" aria-labelledby="statement-h">
      <h2 id="statement-h">{t("customers.statement")}</h2>
      {entries.length === 0 ? (
        <p class="hint">{t("customers.statement.empty")}</p>
      ) : (
        <>
          <p class="hint">{t("customers.statement.order")}</p>
          <ol class="statement">
            {entries.map((e) => (
              <EntryRow key={e.id} entry={e} money={fmt.money} date={fmt.date(e.at)} />
            ))}
          </ol>
          <Button variant="secondary" onClick={() => void share()}>
            {t("customers.share")}
          </Button>
          {shared === "shared" && <Notice kind="success">{t("customers.share.done")}</Notice>}
          {shared === "copied" && <Notice kind="success">{t("customers.share.copied")}</Notice>}
          {shared === "copyFailed" && <Notice kind="error">{t("customers.share.copyFailed")}</Notice>}
          {(shared === "options" || shared === "copied" || shared === "copyFailed") && (
            <div class="share-options">
              {phone && (
                <>
                  <a
                    class="btn btn-secondary"
                    href={`https://wa.me/${phone.replace(/\D/g, "")}?text=${encodeURIComponent(text)}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t("customers.share.whatsapp")}
                  </a>
                  <a class="btn btn-secondary" href={`sms:${phone}?body=${encodeURIComponent(text)}`}>
                    {t("customers.share.sms")}
                  </a>
                </>
              )}
              <Button variant="secondary" onClick={() => void copy()}>
                {t("customers.share.copy")}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function EntryRow({ entry, money, date }: { entry: LedgerEntry; money: (n: number) => string; date: string }) {
  const paid = entry.amount < 0;
  return (
    <li>
      <span>
        <strong>{t(KIND_KEYS[entry.kind])}</strong>
        <span class="hint">
          {" · "}
          {date}
        </span>
        {entry.note && <span class="hint check-hint">{entry.note}</span>}
      </span>
      <span class="amount">
        <span class={paid ? "minus" : undefined}>{(paid ? "− " : "+ ") + money(Math.abs(entry.amount))}</span>
        <span class="hint check-hint">
          {t("customers.statement.balanceAfter", { balance: balanceText(entry.balance, money) })}
        </span>
      </span>
    </li>
  );
}
