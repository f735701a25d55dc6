import type { CreateSaleBody } from "@duka/contracts";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { createSale, getSale, type Sale } from "../../api/sales";
import { Button } from "../../components/Button";
import { CustomerPicker } from "../../components/CustomerPicker";
import { Notice } from "../../components/Notice";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor, moneyInput, parseMoney } from "../../lib/format";
import type { Store } from "../../lib/store";
import { useMe } from "../../session";
import { type Cart, cartTotal } from "./cart";
import { initialMethods, loadMethods, type Method, visibleMethods } from "./payment";

interface Props {
  store: Store<Cart>;
  cart: Cart;
  onBack: () => void;
  onRecorded: (sale: Sale, warning?: string) => void;
  /** A problem with one product: the cart shows it next to that line. */
  onLineError: (productId: string, message: string) => void;
}

/** Whether the answer (or its absence) leaves us unsure the server kept the sale. */
const uncertain = (err: unknown) => !(err instanceof ApiError) || err.status === 0 || err.status >= 500;

/** Payment: how the customer pays, cash and change, who (for credit), a note, and Confirm. */
export function PaymentSheet({ store, cart, onBack, onRecorded, onLineError }: Props) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const currency = me.business.currency;
  const [methods, setMethods] = useState<Method[]>(() => visibleMethods(initialMethods()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingCustomer, setMissingCustomer] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    void loadMethods().then((list) => setMethods(visibleMethods(list)));
  }, []);

  const method = cart.method || methods[0]?.method || "cash";
  const total = cartTotal(cart);
  const tendered = cart.tendered.trim() ? parseMoney(cart.tendered, currency) : undefined;
  const tenderedBad = cart.tendered.trim() !== "" && tendered === undefined;
  const isCash = method === "cash";
  const isCredit = method === "credit";
  const update = (patch: Partial<Cart>) => store.set({ ...store.get(), ...patch });

  async function confirm() {
    if (isCredit && !cart.customer) {
      setMissingCustomer(true);
      return;
    }
    const body: CreateSaleBody = {
      id: cart.id,
      lines: cart.lines.map((l) => ({ productId: l.id, quantity: l.quantity })),
      payment: isCash && tendered !== undefined ? { method, amountTendered: tendered } : { method },
      ...(cart.customer ? { customerId: cart.customer.id } : {}),
      ...(cart.note.trim() ? { note: cart.note.trim() } : {}),
    };
    setBusy(true);
    setError(null);
    update({ sent: true, method });
    try {
      onRecorded(await createSale(body));
    } catch (err) {
      if (err instanceof ApiError && err.code === "idempotency_conflict") {
        // The first try did reach the server before the cart changed: that sale is the one kept.
        try {
          onRecorded(await getSale(cart.id), t("sell.pay.recordedBefore"));
          return;
        } catch (again) {
          setError(again);
          return;
        }
      }
      if (!uncertain(err)) update({ sent: false });
      const details = err instanceof ApiError ? (err.details as { productId?: string; available?: number }) : undefined;
      const productId = details?.productId;
      if (err instanceof ApiError && productId) {
        const available = details.available;
        onLineError(
          productId,
          err.code === "insufficient_stock" && available !== undefined
            ? t("sell.error.insufficientStock", { quantity: fmt.number(available) })
            : errorMessage(err),
        );
        return;
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const change = tendered !== undefined ? tendered - total : undefined;
  const tenderErrors = error instanceof ApiError ? error.fields["payment.amountTendered"] : undefined;

  return (
    <section class="stack pay" aria-labelledby="pay-title">
      <div class="pay-head">
        <h1 id="pay-title" ref={heading} tabIndex={-1}>
          {t("sell.pay.title")}
        </h1>
        <p class="pay-total">
          <span>{t("sell.total")}</span> <strong>{fmt.money(total)}</strong>
        </p>
        <p class="hint">{t("sell.pay.serverTotals")}</p>
      </div>

      <fieldset class="stack">
        <legend>{t("sell.pay.method")}</legend>
        <div class="choices">
          {methods.map((m) => (
            <label key={m.method} class={`choice${m.method === method ? " choice-on" : ""}`}>
              <input
                type="radio"
                name="method"
                value={m.method}
                checked={m.method === method}
                onChange={() => {
                  setMissingCustomer(false);
                  update({ method: m.method, ...(m.method === "cash" ? {} : { tendered: "" }) });
                }}
              />
              <span>{m.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {isCash && (
        <div class="stack">
          <div class={`field${tenderedBad || tenderErrors ? " field-invalid" : ""}`}>
            <label for="pay-tendered">{t("sell.pay.tendered")}</label>
            <div class="field-row">
              <input
                id="pay-tendered"
                inputMode="decimal"
                autocomplete="off"
                value={cart.tendered}
                aria-describedby="pay-change"
                aria-invalid={tenderedBad || undefined}
                onInput={(e) => update({ tendered: e.currentTarget.value })}
              />
              <button
                type="button"
                class="btn btn-secondary field-addon"
                onClick={() => update({ tendered: moneyInput(total, currency) })}
              >
                {t("sell.pay.exact")}
              </button>
            </div>
          </div>
          <p id="pay-change" class="pay-change" aria-live="polite">
            {tenderedBad
              ? t("sell.pay.tenderedInvalid")
              : change === undefined
                ? t("sell.pay.tenderedHint")
                : change >= 0
                  ? t("sell.pay.change", { amount: fmt.money(change) })
                  : t("sell.pay.short", { amount: fmt.money(-change) })}
          </p>
        </div>
      )}

      <div class="stack">
        <CustomerPicker
          value={cart.customer}
          onChange={(c) => {
            setMissingCustomer(false);
            update({ customer: c });
          }}
          label={isCredit ? t("sell.pay.customerRequired") : t("sell.pay.customerOptional")}
          id="pay-customer"
        />
        {missingCustomer && (
          <p class="field-error" role="alert">
            {t("sell.pay.customerMissing")}
          </p>
        )}
      </div>

      <div class="field">
        <label for="pay-note">{t("sell.pay.note")}</label>
        <input
          id="pay-note"
          maxLength={500}
          value={cart.note}
          onInput={(e) => update({ note: e.currentTarget.value })}
        />
      </div>

      {error !== null && (
        <Notice kind="error">
          {errorMessage(error)} {uncertain(error) && t("sell.pay.kept")}
        </Notice>
      )}

      <Button
        busy={busy}
        busyLabel={t("sell.pay.busy")}
        disabled={tenderedBad || (change !== undefined && change < 0)}
        onClick={() => void confirm()}
      >
        {error !== null && uncertain(error) ? t("sell.pay.retry") : t("sell.pay.confirm", { amount: fmt.money(total) })}
      </Button>
      <button type="button" class="btn btn-secondary" onClick={onBack} disabled={busy}>
        {t("sell.pay.back")}
      </button>
    </section>
  );
}
