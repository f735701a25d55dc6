import { useEffect, useState } from "preact/hooks";
import { type CustomerDetail, getCustomer, getLedger, type LedgerResponse, updateCustomer } from "../../api/customers";
import { Button } from "../../components/Button";
import { Fit } from "../../components/Fit";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { useAction } from "../../lib/use-action";
import { Link, type ScreenProps } from "../../router";
import { useMe } from "../../session";
import { PurchaseHistory } from "./History";
import { balanceText, Repayment } from "./Repayment";
import { Statement } from "./Statement";
import "../../components/CustomerPicker.css";
import "./customers.css";

const digits = (phone: string) => phone.replace(/\D/g, "");

/** One customer: how to reach them, what they owe, repayments, the statement; the owner sees more. */
export default function CustomerPage({ params }: ScreenProps) {
  const id = params.id ?? "";
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const can = (p: string) => me.permissions.includes(p);
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const [ledger, setLedger] = useState<LedgerResponse | null>(null);
  const [archivedNow, setArchivedNow] = useState<boolean | null>(null);
  const load = useAction(async () => {
    const [c, l] = await Promise.all([getCustomer(id), getLedger(id)]);
    setCustomer(c);
    setLedger(l);
  });
  const archive = useAction(async (archived: boolean) => {
    setCustomer(await updateCustomer(id, { archived }));
    setArchivedNow(archived);
  });
  const reload = () => void load.run();
  useEffect(reload, [id]);

  if (!customer) {
    return (
      <div class="stack">
        <Link class="back" href="/customers">
          {t("customers.back")}
        </Link>
        {load.busy && <Spinner label={t("app.loading")} />}
        {load.error !== null && (
          <Notice kind="error">
            {errorMessage(load.error)}{" "}
            <button type="button" class="linkish" onClick={reload}>
              {t("app.retry")}
            </button>
          </Notice>
        )}
      </div>
    );
  }

  const balance = ledger?.balance ?? customer.balance;
  return (
    <div class="stack">
      <Link class="back" href="/customers">
        {t("customers.back")}
      </Link>
      <h1>{customer.name}</h1>
      {customer.archived && <Notice kind="info">{t("customers.archived")}</Notice>}

      <section class="contact" aria-label={t("customers.contact")}>
        {customer.phone ? (
          <>
            <p class="contact-phone">{customer.phone}</p>
            <a class="btn btn-secondary" href={`tel:${customer.phone}`}>
              {t("customers.call")}
            </a>
            <a
              class="btn btn-secondary"
              href={`https://wa.me/${digits(customer.phone)}`}
              target="_blank"
              rel="noopener"
            >
              {t("customers.whatsapp")}
            </a>
          </>
        ) : (
          <p class="hint">{t("customers.noPhone")}</p>
        )}
        {customer.email && <p class="hint">{customer.email}</p>}
        {customer.address && <p class="hint">{customer.address}</p>}
      </section>

      <section class={`card balance-card${balance > 0 ? " owing" : ""}`} aria-labelledby="balance-h" aria-live="polite">
        <h2 id="balance-h">{t("customers.balance")}</h2>
        <p class="big fit-box">
          <strong>
            <Fit text={balanceText(balance, fmt.money)} />
          </strong>
        </p>
        {customer.creditLimit != null && (
          <p class="hint">{t("customers.creditLimit", { amount: fmt.money(customer.creditLimit) })}</p>
        )}
      </section>

      {can("customers.payments") && <Repayment customer={customer} balance={balance} onRecorded={reload} />}

      {ledger && <Statement ledger={ledger} />}

      {can("customers.write") && (
        <section class="card stack" aria-labelledby="manage-h">
          <h2 id="manage-h">{t("customers.manage")}</h2>
          {customer.notes && <p>{customer.notes}</p>}
          {customer.tags && customer.tags.length > 0 && (
            <p class="hint">{t("customers.tags", { tags: customer.tags.join(", ") })}</p>
          )}
          <Link class="btn btn-secondary" href={`/customers/${id}/edit`}>
            {t("customers.edit")}
          </Link>
          {archive.error !== null && <Notice kind="error">{errorMessage(archive.error)}</Notice>}
          {archivedNow !== null && archive.error === null && (
            <Notice kind="success">{t(archivedNow ? "customers.archive.done" : "customers.unarchive.done")}</Notice>
          )}
          <Button
            variant="secondary"
            busy={archive.busy}
            busyLabel={t("customers.saving")}
            onClick={() => void archive.run(!customer.archived)}
          >
            {t(customer.archived ? "customers.unarchive" : "customers.archive")}
          </Button>
          <p class="hint">{t(customer.archived ? "customers.unarchive.hint" : "customers.archive.hint")}</p>
        </section>
      )}

      {can("customers.history") && <PurchaseHistory customerId={id} />}
    </div>
  );
}
