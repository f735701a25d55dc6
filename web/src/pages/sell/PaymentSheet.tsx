import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { createSale, getSale, type Sale } from "../../api/sales";
import { Button } from "../../components/Button";
import { CustomerPicker } from "../../components/CustomerPicker";
import { Notice } from "../../components/Notice";
import { useSettings } from "../../data/hooks";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { focusFirstError } from "../../lib/focus-error";
import { formatterFor, moneyInput, parseMoney } from "../../lib/format";
import { methodsOf, visibleMethods } from "../../lib/payment-methods";
import type { Store } from "../../lib/store";
import { useMe } from "../../session";
import { type Cart, cartAmounts, savedLocation, saveLocation } from "./cart";
import { earlierInstant, OwnerOptions } from "./OwnerOptions";
import { keepOffline } from "./offline-sale";
import { ReferenceField } from "./ReferenceField";
import { useTillRules } from "./rules";
import { MOBILE_MONEY, paymentReference, saleRequest } from "./sale-request";

interface Props {
  store: Store<Cart>;
  cart: Cart;
  onBack: () => void;
  onRecorded: (sale: Sale, warning?: string | undefined) => void;
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingCustomer, setMissingCustomer] = useState(false);
  const [overLimit, setOverLimit] = useState<ApiError | null>(null);
  const rules = useTillRules();
  const methods = visibleMethods(methodsOf(useSettings()));
  const [locationId, setLocationId] = useState(() => (rules.chooseLocation ? savedLocation(me.user.id) : ""));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const method = cart.method || methods[0]?.method || "cash";
  const amounts = cartAmounts(cart);
  const total = amounts.total;
  const when = rules.backdate
    ? earlierInstant(cart.occurredAt, me.business.timeZone)
    : { at: undefined, problem: undefined };
  const tendered = cart.tendered.trim() ? parseMoney(cart.tendered, currency) : undefined;
  const tenderedBad = cart.tendered.trim() !== "" && tendered === undefined;
  const isCash = method === "cash";
  const isCredit = method === "credit";
  const reference = method === MOBILE_MONEY ? paymentReference(cart.reference) : undefined;
  const update = (patch: Partial<Cart>) => store.set({ ...store.get(), ...patch });

  /** The server's total is the one that counts; say so when it is not what this phone showed. */
  const recorded = (sale: Sale) =>
    onRecorded(sale, sale.total !== total ? t("sell.done.totalDiffers", { amount: fmt.money(sale.total) }) : undefined);

  async function confirm(allowOverLimit = false) {
    if (isCredit && !cart.customer) {
      setMissingCustomer(true);
      return;
    }
    if (when.problem) return;
    if (reference === "bad") return focusFirstError(heading.current);
    // A refused sale wrote nothing, so "Sell anyway" sends it again under the same id.
    const body = saleRequest(cart, {
      method,
      tendered,
      reference,
      occurredAt: when.at?.toISOString(),
      locationId: rules.chooseLocation ? locationId : undefined,
      allowOverLimit,
    });
    setBusy(true);
    setError(null);
    setOverLimit(null);
    update({ sent: true, method });
    try {
      recorded(await createSale(body));
    } catch (err) {
      if (err instanceof ApiError && err.code === "credit_limit_exceeded") {
        update({ sent: false });
        setOverLimit(err);
        focusFirstError(heading.current);
        return;
      }
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
      if (err instanceof ApiError && (err.status === 0 || err.status >= 500)) {
        // Out of reach: the sale is kept on the phone and sent by itself later, exactly once.
        const kept = await keepOffline(cart, body, me, "");
        const over = kept.overLimit;
        onRecorded(
          kept.sale,
          over
            ? t("offline.sale.overLimitKept", {
                name: over.name,
                limit: fmt.money(over.creditLimit),
                balance: fmt.money(over.balance),
              })
            : undefined,
        );
        return;
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
      focusFirstError(heading.current);
    } finally {
      setBusy(false);
    }
  }

  const change = tendered !== undefined ? tendered - total : undefined;
  const tenderErrors = error instanceof ApiError ? error.fields["payment.amountTendered"] : undefined;

  return (
    <section class="stack pay" data-form aria-labelledby="pay-title">
      <div class="pay-head">
        <h1 id="pay-title" ref={heading} tabIndex={-1}>
          {t("sell.pay.title")}
        </h1>
        {amounts.discounts > 0 && (
          <p class="hint">
            {t("sell.pay.breakdown", { gross: fmt.money(amounts.gross), discount: fmt.money(amounts.discounts) })}
          </p>
        )}
        <p class="pay-total">
          <span>{t("sell.total")}</span> <strong>{fmt.money(total)}</strong>
        </p>
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
                  setOverLimit(null);
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
                aria-invalid={tenderedBad || tenderErrors !== undefined || undefined}
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

      {method === MOBILE_MONEY && (
        <ReferenceField
          value={cart.reference ?? ""}
          bad={reference === "bad"}
          serverErrors={error instanceof ApiError ? error.fields["payment.reference"] : undefined}
          onInput={(value) => update({ reference: value })}
        />
      )}

      <div class="stack">
        <CustomerPicker
          value={cart.customer}
          onChange={(c) => {
            setMissingCustomer(false);
            setOverLimit(null);
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

      {(rules.backdate || rules.chooseLocation) && (
        <OwnerOptions
          rules={rules}
          locationId={locationId}
          onLocation={(id) => {
            setLocationId(id);
            saveLocation(me.user.id, id);
          }}
          occurredAt={cart.occurredAt ?? ""}
          onOccurredAt={(occurredAt) => update({ occurredAt })}
        />
      )}

      {overLimit && (
        <OverLimit
          error={overLimit}
          name={cart.customer?.name ?? ""}
          owner={me.user.role === "owner"}
          busy={busy}
          onSellAnyway={() => void confirm(true)}
        />
      )}

      {error !== null && (
        <Notice kind="error">
          {errorMessage(error)} {uncertain(error) && t("sell.pay.kept")}
        </Notice>
      )}

      {/* Kept above the bottom bar while the rest scrolls: every sale ends here, under the thumb. */}
      <div class="pay-actions">
        <button type="button" class="btn btn-secondary" onClick={onBack} disabled={busy}>
          {t("sell.pay.back")}
        </button>
        <Button
          busy={busy}
          busyLabel={t("sell.pay.busy")}
          disabled={tenderedBad || (change !== undefined && change < 0) || when.problem !== undefined}
          onClick={() => void confirm()}
        >
          {error !== null && uncertain(error)
            ? t("sell.pay.retry")
            : t("sell.pay.confirm", { amount: fmt.money(total) })}
        </Button>
      </div>
    </section>
  );
}

interface OverLimitProps {
  error: ApiError;
  name: string;
  owner: boolean;
  busy: boolean;
  onSellAnyway: () => void;
}

/** A credit sale past the customer's limit: the owner may go ahead; staff are told what to do. */
function OverLimit({ error, name, owner, busy, onSellAnyway }: OverLimitProps) {
  const fmt = formatterFor(useMe().business, useLocale());
  const d = (error.details ?? {}) as { creditLimit?: number; balance?: number; amount?: number };
  const known = d.creditLimit !== undefined && d.balance !== undefined && d.amount !== undefined;
  return (
    <div class="notice notice-error stack" role="alert">
      <p>
        {known
          ? t("sell.credit.over", {
              name,
              limit: fmt.money(d.creditLimit ?? 0),
              balance: fmt.money(d.balance ?? 0),
              amount: fmt.money(d.amount ?? 0),
            })
          : errorMessage(error)}
      </p>
      <p>{t(owner ? "sell.credit.ownerMay" : "sell.credit.staff")}</p>
      {owner && (
        <Button variant="secondary" busy={busy} busyLabel={t("sell.pay.busy")} onClick={onSellAnyway}>
          {t("sell.credit.sellAnyway")}
        </Button>
      )}
    </div>
  );
}
