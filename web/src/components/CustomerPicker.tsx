import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { type CustomerListItem, createCustomer, duplicateOf, getCustomer, listCustomers } from "../api/customers";
import { t, useLocale } from "../i18n";
import { errorMessage } from "../lib/errors";
import { formatterFor } from "../lib/format";
import { useAction } from "../lib/use-action";
import { useDebounced } from "../lib/use-debounced";
import { useMe } from "../session";
import { Button } from "./Button";
import "./CustomerPicker.css";
import { Field } from "./Field";
import { Notice } from "./Notice";
import { Spinner } from "./Spinner";

/** The customer a sale is for: enough to show who it is and what they already owe. */
export interface PickedCustomer {
  id: string;
  name: string;
  phone: string | null;
  balance: number;
}

export interface CustomerPickerProps {
  /** The chosen customer, or null when none is chosen yet. */
  value: PickedCustomer | null;
  /** Called with the customer picked (found or just added), or null when the choice is cleared. */
  onChange: (customer: PickedCustomer | null) => void;
  /** The field's label; "Customer" by default. */
  label?: string;
  /** Offer "Add new" (name and phone) in place; true by default. Needs the customers.create permission. */
  allowAdd?: boolean;
  /** Makes ids unique when two pickers share a page. */
  id?: string;
}

/** The phone hint names the business's country: numbers typed without a code are read as from there. */
export function phoneHint(country: string | null, locale: string): string {
  if (!country) return t("customers.field.phone.hintNoCountry");
  let name = country;
  try {
    name = new Intl.DisplayNames([locale], { type: "region" }).of(country) ?? country;
  } catch {
    // an old browser without DisplayNames shows the code, which is still right
  }
  return t("customers.field.phone.hintCountry", { country: name });
}

const looksLikePhone = (q: string) => /^[\d\s+().-]+$/.test(q) && q.replace(/\D/g, "").length >= 3;
const pick = (c: PickedCustomer): PickedCustomer => ({ id: c.id, name: c.name, phone: c.phone, balance: c.balance });

/**
 * Finds a customer by name or phone in one field, or adds one (name and phone) without leaving the
 * page. Not a <form>, so it can sit inside the sell screen's form; Enter in its inputs is handled here.
 */
export function CustomerPicker({
  value,
  onChange,
  label,
  allowAdd = true,
  id = "customer-picker",
}: CustomerPickerProps) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const [q, setQ] = useState("");
  const [adding, setAdding] = useState(false);
  const query = useDebounced(q.trim(), 300);
  const [results, setResults] = useState<CustomerListItem[] | null>(null);
  const search = useAction(async (text: string) => (await listCustomers({ q: text, limit: 8 })).items);
  const latest = useRef("");
  const canAdd = allowAdd && me.permissions.includes("customers.create");

  useEffect(() => {
    latest.current = query;
    if (!query) {
      setResults(null);
      return;
    }
    void search.run(query).then((items) => {
      // A slow answer to an older search must not replace the newer one.
      if (items && latest.current === query) setResults(items);
    });
  }, [query]);

  if (value) {
    return (
      <div class="picker-chosen card" aria-live="polite">
        <div class="picker-who">
          <span class="picker-label">{label ?? t("customers.picker.label")}</span>
          <strong>{value.name}</strong>
          {value.phone && <span class="hint">{value.phone}</span>}
          {value.balance > 0 && <span class="owes">{t("customers.owes", { amount: fmt.money(value.balance) })}</span>}
        </div>
        <Button variant="secondary" onClick={() => onChange(null)}>
          {t("customers.picker.change")}
        </Button>
      </div>
    );
  }

  if (adding) {
    return (
      <QuickAdd
        id={id}
        initial={q.trim()}
        onCancel={() => setAdding(false)}
        onAdded={(c) => {
          setAdding(false);
          setQ("");
          onChange(pick(c));
        }}
      />
    );
  }

  const inputId = `${id}-q`;
  return (
    <div class="picker stack">
      <Field
        id={inputId}
        name="customerSearch"
        type="search"
        label={label ?? t("customers.picker.label")}
        hint={t("customers.search.hint")}
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter picks the only match, and never submits the surrounding sale.
          if (e.key !== "Enter") return;
          e.preventDefault();
          const only = results?.length === 1 ? results[0] : undefined;
          if (only) onChange(pick(only));
        }}
        autocomplete="off"
        inputMode={looksLikePhone(q) ? "tel" : "text"}
      />
      <div aria-live="polite" class="picker-status">
        {search.busy && <Spinner label={t("customers.searching")} />}
        {!search.busy && search.error !== null && <Notice kind="error">{errorMessage(search.error)}</Notice>}
        {!search.busy && results && results.length === 0 && <p>{t("customers.search.none", { q: query })}</p>}
      </div>
      {results && results.length > 0 && (
        <ul class="picker-results" aria-label={t("customers.picker.results")}>
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" class="picker-row" onClick={() => onChange(pick(c))}>
                <span class="picker-name">{c.name}</span>
                <span class="hint">{c.phone ?? t("customers.noPhone")}</span>
                {c.balance > 0 && <span class="owes">{t("customers.owes", { amount: fmt.money(c.balance) })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t("customers.picker.addNew")}
        </Button>
      )}
    </div>
  );
}

/** Name and phone, added in place; a phone that is already someone's offers that customer instead. */
function QuickAdd({
  id,
  initial,
  onCancel,
  onAdded,
}: {
  id: string;
  initial: string;
  onCancel: () => void;
  onAdded: (c: PickedCustomer) => void;
}) {
  const me = useMe();
  const locale = useLocale();
  const [name, setName] = useState(looksLikePhone(initial) ? "" : initial);
  const [phone, setPhone] = useState(looksLikePhone(initial) ? initial : "");
  const add = useAction(async () => onAdded(await createCustomer({ name, phone: phone || null })));
  const existing = useAction(async (customerId: string) => onAdded(await getCustomer(customerId)));
  const duplicate = add.error instanceof ApiError && add.error.code === "duplicate_phone" ? add.error : undefined;
  const other = duplicate ? duplicateOf(duplicate.details) : undefined;
  const submit = () => void add.run();
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      submit();
    }
  };
  return (
    <fieldset class="picker card stack">
      <legend>{t("customers.picker.addTitle")}</legend>
      {add.error !== null && !duplicate && <Notice kind="error">{errorMessage(add.error)}</Notice>}
      <Field
        id={`${id}-name`}
        name="name"
        label={t("customers.field.name")}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
        onKeyDown={onEnter}
        errors={add.fieldErrors.name}
        autocomplete="off"
        required
      />
      <Field
        id={`${id}-phone`}
        name="phone"
        type="tel"
        label={t("customers.field.phone")}
        hint={phoneHint(me.business.country, locale)}
        value={phone}
        onInput={(e) => setPhone(e.currentTarget.value)}
        onKeyDown={onEnter}
        errors={add.fieldErrors.phone}
        autocomplete="off"
      />
      {duplicate && (
        <div class="notice notice-error stack" role="alert">
          <p>{duplicate.message}</p>
          {other && (
            <Button
              variant="secondary"
              busy={existing.busy}
              busyLabel={t("app.loading")}
              onClick={() => void existing.run(other.customerId)}
            >
              {t("customers.picker.useExisting", { name: other.name })}
            </Button>
          )}
        </div>
      )}
      <Button busy={add.busy} busyLabel={t("customers.add.busy")} onClick={submit}>
        {t("customers.picker.addAndPick")}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {t("customers.cancel")}
      </Button>
    </fieldset>
  );
}
