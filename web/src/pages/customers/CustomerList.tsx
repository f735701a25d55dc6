import { useEffect, useRef, useState } from "preact/hooks";
import {
  CUSTOMERS_CSV_URL,
  type CustomerListItem,
  listCustomers,
  listOwing,
  type OwingResponse,
} from "../../api/customers";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { useAction } from "../../lib/use-action";
import { useDebounced } from "../../lib/use-debounced";
import { Link, usePath } from "../../router";
import { useMe } from "../../session";
import "../../components/CustomerPicker.css";
import "./customers.css";

type View = "all" | "owing";
/** The last view and search, kept while the app is open so "back" from a customer returns to them. */
const remembered = { view: "all" as View, q: "" };

export default function CustomerList() {
  const me = useMe();
  // The dashboard's "who owes" opens /customers/owing.
  const [view, setView] = useState<View>(usePath() === "/customers/owing" ? "owing" : remembered.view);
  const choose = (v: View) => {
    remembered.view = v;
    setView(v);
  };
  return (
    <div class="stack">
      <div class="page-head">
        <h1>{t("customers.title")}</h1>
        <Link class="btn" href="/customers/new">
          {t("customers.add")}
        </Link>
      </div>
      <fieldset class="segmented">
        <legend class="sr-only">{t("customers.views")}</legend>
        <button type="button" aria-pressed={view === "all"} onClick={() => choose("all")}>
          {t("customers.view.all")}
        </button>
        <button type="button" aria-pressed={view === "owing"} onClick={() => choose("owing")}>
          {t("customers.view.owing")}
        </button>
      </fieldset>
      {view === "all" ? <AllCustomers /> : <WhoOwes />}
      {me.permissions.includes("customers.export") && (
        <a class="btn btn-secondary" href={CUSTOMERS_CSV_URL} download>
          {t("customers.export")}
        </a>
      )}
    </div>
  );
}

function AllCustomers() {
  const [q, setQ] = useState(remembered.q);
  const query = useDebounced(q.trim(), 300);
  const [items, setItems] = useState<CustomerListItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const latest = useRef("");
  const load = useAction(listCustomers);

  useEffect(() => {
    remembered.q = query;
    latest.current = query;
    void load.run({ q: query }).then((page) => {
      if (!page || latest.current !== query) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    });
  }, [query]);

  const more = async () => {
    const page = await load.run({ q: query, cursor });
    if (page && latest.current === query) {
      setItems((prev) => [...(prev ?? []), ...page.items]);
      setCursor(page.nextCursor);
    }
  };

  return (
    <section class="stack" aria-label={t("customers.view.all")}>
      <Field
        name="q"
        type="search"
        label={t("customers.search")}
        hint={t("customers.search.hint")}
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
        autocomplete="off"
      />
      <div aria-live="polite">
        {load.error !== null && (
          <Notice kind="error">
            {errorMessage(load.error)}{" "}
            <button type="button" class="linkish" onClick={() => setQ((s) => `${s} `)}>
              {t("app.retry")}
            </button>
          </Notice>
        )}
        {items?.length === 0 && !load.busy && (
          <p class="empty">{query ? t("customers.search.none", { q: query }) : t("customers.empty")}</p>
        )}
      </div>
      {items && items.length > 0 && (
        <ul class="rows">
          {items.map((c) => (
            <CustomerRow key={c.id} customer={c} />
          ))}
        </ul>
      )}
      {load.busy && !items?.length && <Spinner label={t("customers.searching")} />}
      {cursor && (
        <Button variant="secondary" busy={load.busy} busyLabel={t("app.loading")} onClick={() => void more()}>
          {t("customers.loadMore")}
        </Button>
      )}
    </section>
  );
}

function CustomerRow({
  customer,
  extra,
}: {
  customer: { id: string; name: string; phone: string | null; balance: number };
  extra?: string;
}) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  return (
    <li>
      <Link class="row" href={`/customers/${customer.id}`}>
        <span class="row-main">
          <span class="row-name">{customer.name}</span>
          <span class="hint">{customer.phone ?? t("customers.noPhone")}</span>
          {extra && <span class="hint">{extra}</span>}
        </span>
        {customer.balance > 0 ? (
          <span class="owes">{fmt.money(customer.balance)}</span>
        ) : customer.balance < 0 ? (
          <span class="in-credit">{t("customers.inCredit", { amount: fmt.money(-customer.balance) })}</span>
        ) : null}
      </Link>
    </li>
  );
}

function WhoOwes() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const [data, setData] = useState<OwingResponse | null>(null);
  const load = useAction(listOwing);
  const refresh = () => void load.run().then((d) => d && setData(d));
  useEffect(refresh, []);

  return (
    <section class="stack" aria-label={t("customers.view.owing")}>
      {load.error !== null && (
        <Notice kind="error">
          {errorMessage(load.error)}{" "}
          <button type="button" class="linkish" onClick={refresh}>
            {t("app.retry")}
          </button>
        </Notice>
      )}
      {load.busy && !data && <Spinner label={t("app.loading")} />}
      {data && (
        <>
          <div class="card total">
            <span>{t("customers.owing.total", { count: data.count })}</span>
            <strong class={data.totalOwed > 0 ? "owes big" : "big"}>{fmt.money(data.totalOwed)}</strong>
          </div>
          {data.items.length === 0 ? (
            <p class="empty">{t("customers.owing.none")}</p>
          ) : (
            <>
              <p class="hint">{t("customers.owing.order")}</p>
              <ul class="rows">
                {data.items.map((c) => (
                  <CustomerRow
                    key={c.id}
                    customer={c}
                    extra={t("customers.owing.since", { date: fmt.date(c.owingSince) })}
                  />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
