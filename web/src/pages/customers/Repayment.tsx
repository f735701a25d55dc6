import { useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { type CustomerDetail, clientId, recordRepayment } from "../../api/customers";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { useSettings } from "../../data/hooks";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { focusFirstError } from "../../lib/focus-error";
import { formatterFor, moneyInput, parseMoney } from "../../lib/format";
import { moneyProblem } from "../../lib/number-check";
import { methodLabel } from "../../lib/payment-methods";
import { useAction } from "../../lib/use-action";
import { useMe } from "../../session";

/** Methods that are not money received: never offered for a repayment (the server refuses them too). */
const NOT_MONEY = new Set(["credit", "on_credit"]);
const FALLBACK = ["cash", "mobile_money", "card"];

/** "Owes KES 100", "In credit KES 50" or "Owes nothing": a balance in words. */
export function balanceText(balance: number, money: (minor: number) => string): string {
  if (balance > 0) return t("customers.owes", { amount: money(balance) });
  if (balance < 0) return t("customers.inCredit", { amount: money(-balance) });
  return t("customers.owesNothing");
}

/**
 * Money a customer pays towards what they owe. The payment id is made here and kept until the server
 * has answered, so pressing again after a lost answer never records the payment twice.
 */
export function Repayment({
  customer,
  balance,
  onRecorded,
}: {
  customer: CustomerDetail;
  balance: number;
  onRecorded: () => void;
}) {
  const me = useMe();
  const locale = useLocale();
  const fmt = formatterFor(me.business, locale);
  const currency = me.business.currency;
  const isOwner = me.user.role === "owner";
  // The usual three methods still work until the shop's own list is known.
  const usable = useSettings()?.paymentMethods.filter((m) => !m.hidden && !NOT_MONEY.has(m.method)) ?? [];
  const methods: { method: string; label?: string | undefined }[] =
    usable.length > 0 ? usable : FALLBACK.map((method) => ({ method }));
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState("cash");
  const [note, setNote] = useState("");
  const [advance, setAdvance] = useState(false);
  const [amountProblem, setAmountProblem] = useState<string>();
  const [done, setDone] = useState<{ amount: number; balanceAfter: number } | null>(null);
  const paymentId = useRef(clientId());

  const chosen = methods.some((m) => m.method === method) ? method : (methods[0]?.method ?? method);

  const pay = useAction(async (minor: number) => {
    try {
      const result = await recordRepayment(customer.id, {
        id: paymentId.current,
        amount: minor,
        method: chosen,
        note: note.trim() || null,
        ...(advance ? { asAdvance: true } : {}),
      });
      paymentId.current = clientId();
      setDone({ amount: result.amount, balanceAfter: result.balanceAfter });
      setAmount("");
      setNote("");
      setAdvance(false);
      onRecorded();
    } catch (err) {
      // The server answered no: nothing was written, so a corrected payment is a new one.
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) paymentId.current = clientId();
      throw err;
    }
  });

  const submit = (form: HTMLFormElement) => {
    setDone(null);
    const minor = parseMoney(amount, currency);
    const problem =
      moneyProblem(amount, currency, t("customers.amount.invalid")) ??
      (minor === 0 ? t("field.not_positive") : undefined);
    setAmountProblem(problem);
    if (problem || minor === undefined) return focusFirstError(form);
    void pay.run(minor);
  };

  const err = pay.error instanceof ApiError ? pay.error : undefined;
  const overpaid = err?.code === "overpayment";
  const owed = Math.max(balance, 0);
  const amountErrors = amountProblem ? [amountProblem] : pay.fieldErrors.amount;

  return (
    <section class="card stack" aria-labelledby="repay-h">
      <h2 id="repay-h">{t("customers.repay.title")}</h2>
      {done && (
        <Notice kind="success">
          {t("customers.repay.done", {
            amount: fmt.money(done.amount),
            balance: balanceText(done.balanceAfter, fmt.money),
          })}
        </Notice>
      )}
      <form
        class="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <Field
          name="amount"
          label={t("customers.repay.amount", { currency })}
          hint={owed > 0 ? t("customers.repay.amountHint", { amount: fmt.money(owed) }) : undefined}
          value={amount}
          onInput={(e) => setAmount(e.currentTarget.value)}
          errors={amountErrors}
          inputMode="decimal"
          autocomplete="off"
          required
          addon={
            owed > 0 ? (
              <button
                type="button"
                class="btn btn-secondary field-addon"
                onClick={() => setAmount(moneyInput(owed, currency))}
              >
                {t("customers.repay.all")}
              </button>
            ) : undefined
          }
        />
        {overpaid && (
          <div class="notice notice-error" role="alert">
            <p>
              {owed > 0
                ? t("customers.repay.overpaid", { name: customer.name, amount: fmt.money(owed) })
                : t("customers.repay.nothingOwed", { name: customer.name })}
            </p>
            <p>{t(isOwner ? "customers.repay.overpaidOwner" : "customers.repay.overpaidStaff")}</p>
          </div>
        )}
        <div class="field">
          <label for="f-method">{t("customers.repay.method")}</label>
          <select id="f-method" name="method" value={chosen} onChange={(e) => setMethod(e.currentTarget.value)}>
            {methods.map((m) => (
              <option key={m.method} value={m.method}>
                {methodLabel(m.method, m.label)}
              </option>
            ))}
          </select>
          {pay.fieldErrors.method && (
            <p class="field-error">
              {pay.fieldErrors.method
                .map((message) => t("error.field", { label: t("customers.repay.method"), message }))
                .join(" ")}
            </p>
          )}
        </div>
        <Field
          name="note"
          label={t("customers.repay.note")}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          errors={pay.fieldErrors.note}
          maxLength={300}
          autocomplete="off"
        />
        {isOwner && (
          <label class="check">
            <input type="checkbox" checked={advance} onChange={(e) => setAdvance(e.currentTarget.checked)} />
            <span>
              {t("customers.repay.advance")}
              <span class="hint check-hint">{t("customers.repay.advanceHint")}</span>
            </span>
          </label>
        )}
        {err && !overpaid && <Notice kind="error">{errorMessage(err)}</Notice>}
        {pay.error !== null && !err && <Notice kind="error">{errorMessage(pay.error)}</Notice>}
        <Button type="submit" busy={pay.busy} busyLabel={t("customers.saving")}>
          {t("customers.repay.submit")}
        </Button>
      </form>
    </section>
  );
}
