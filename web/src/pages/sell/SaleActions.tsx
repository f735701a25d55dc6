import { useState } from "preact/hooks";
import { refundSale, type Sale, voidSale } from "../../api/sales";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useAction } from "../../lib/use-action";
import { parseQuantity } from "./CartLines";
import { newSaleId, roundQty } from "./cart";

/** Void: a reason, then a second, explicit confirmation; stock goes back through the ledger. */
export function VoidForm({ sale, onDone }: { sale: Sale; onDone: (sale: Sale) => void }) {
  const [reason, setReason] = useState("");
  const [asking, setAsking] = useState(false);
  const [missing, setMissing] = useState(false);
  const action = useAction(async () => onDone(await voidSale(sale.id, reason.trim())));
  return (
    <details class="card">
      <summary class="sales-summary">{t("sales.void")}</summary>
      <form
        class="stack sales-filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          setAsking(true);
        }}
      >
        <Field
          name="reason"
          id="void-reason"
          label={t("sales.void.reason")}
          hint={t("sales.void.hint")}
          errors={missing ? [t("sales.void.reasonMissing")] : action.fieldErrors.reason}
          value={reason}
          onInput={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
            setAsking(false);
          }}
          maxLength={300}
        />
        {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
        {asking ? (
          <div class="stack" role="alert">
            <p>
              <strong>{t("sales.void.ask", { number: sale.number })}</strong>
            </p>
            <Button
              variant="danger"
              busy={action.busy}
              busyLabel={t("sales.void.busy")}
              onClick={() => void action.run()}
            >
              {t("sales.void.confirm", { number: sale.number })}
            </Button>
            <button type="button" class="btn btn-secondary" onClick={() => setAsking(false)}>
              {t("sales.cancel")}
            </button>
          </div>
        ) : (
          <Button type="submit" variant="danger">
            {t("sales.void")}
          </Button>
        )}
      </form>
    </details>
  );
}

/** Refund some of the lines: how many of each come back, why, and whether they go back on the shelf. */
export function RefundForm({ sale, onDone }: { sale: Sale; onDone: (sale: Sale, amount: number) => void }) {
  const [qty, setQty] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const [restock, setRestock] = useState(true);
  const [problem, setProblem] = useState("");
  // One id per refund being prepared: a retry after a lost answer finds the refund already made.
  const [refundId, setRefundId] = useState(newSaleId);
  const action = useAction(async () => {
    const lines = sale.lines
      .map((l) => ({ lineNo: l.lineNo, quantity: parseQuantity(qty[l.lineNo] ?? "") }))
      .filter((l): l is { lineNo: number; quantity: number } => l.quantity !== undefined);
    const result = await refundSale(sale.id, { id: refundId, lines, reason: reason.trim(), restock });
    setRefundId(newSaleId());
    setQty({});
    setReason("");
    onDone(result.sale, result.amount);
  });
  const open = sale.lines.filter((l) => roundQty(l.quantity - l.refundedQuantity) > 0);
  if (open.length === 0) return null;
  return (
    <details class="card">
      <summary class="sales-summary">{t("sales.refund")}</summary>
      <form
        class="stack sales-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const any = Object.values(qty).some((v) => parseQuantity(v) !== undefined);
          if (!any) return setProblem(t("sales.refund.none"));
          if (!reason.trim()) return setProblem(t("sales.void.reasonMissing"));
          setProblem("");
          void action.run();
        }}
      >
        {open.map((l) => (
          <Field
            key={l.lineNo}
            name={`refund-${l.lineNo}`}
            label={l.name}
            hint={t("sales.refund.max", { quantity: roundQty(l.quantity - l.refundedQuantity) })}
            inputMode="decimal"
            value={qty[l.lineNo] ?? ""}
            onInput={(e) => setQty({ ...qty, [l.lineNo]: e.currentTarget.value })}
          />
        ))}
        <Field
          name="refund-reason"
          label={t("sales.refund.reason")}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          maxLength={300}
        />
        <label class="check">
          <input type="checkbox" checked={restock} onChange={(e) => setRestock(e.currentTarget.checked)} />
          <span>{t("sales.refund.restock")}</span>
        </label>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
        <Button type="submit" busy={action.busy} busyLabel={t("sales.refund.busy")}>
          {t("sales.refund.submit")}
        </Button>
      </form>
    </details>
  );
}
