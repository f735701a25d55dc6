import type { ADJUST_REASONS } from "@duka/contracts";
import { useState } from "preact/hooks";
import { getProduct, moveStock, type ProductDetail, type StockMovementBody } from "../../api/stock";
import { refreshLowStockBadge } from "../../api/stock-alerts";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { focusFirstError } from "../../lib/focus-error";
import { parseMoney, parseQuantity } from "../../lib/format";
import { moneyProblem, quantityProblem } from "../../lib/number-check";
import { unitWord } from "../../lib/units";
import { formValues, useAction } from "../../lib/use-action";
import { Link, type ScreenProps, usePath } from "../../router";
import { useMe } from "../../session";
import { Loaded, LocationSelect, preferredLocation, rememberLocation, useFormat, word } from "./shared";
import "./stock.css";

type Kind = "receive" | "adjust" | "transfer";
type Reason = (typeof ADJUST_REASONS)[number];
// The server's fixed list, in the order a shopkeeper meets them.
const REASONS: Reason[] = ["damaged", "expired", "lost", "stolen", "returned", "count_correction", "other"];

/** Receive, adjust or transfer one product: /stock/:id/receive, /adjust, /transfer. */
export default function Move({ params }: ScreenProps) {
  const id = params.id ?? "";
  const kind = (usePath().split("/").at(-1) ?? "receive") as Kind;
  const product = useLoad(() => getProduct(id), [id]);
  return (
    <div class="stack">
      <Link href={`/stock/${id}`}>{t("stock.back")}</Link>
      <h1>{t(`stock.move.${kind}.title`)}</h1>
      <Loaded state={product}>{(p) => <MoveForm key={kind} kind={kind} product={p} onDone={product.reload} />}</Loaded>
    </div>
  );
}

type Errors = Record<string, string[]>;

function MoveForm({ kind, product: p, onDone }: { kind: Kind; product: ProductDetail; onDone: () => void }) {
  const me = useMe();
  const fmt = useFormat();
  const currency = me.business.currency;
  const [from, setFrom] = useState(() =>
    preferredLocation(
      p.locations.map((l) => ({ id: l.locationId })),
      me.user.locationId,
    ),
  );
  const [to, setTo] = useState(() => p.locations.find((l) => l.locationId !== from)?.locationId ?? "");
  const [local, setLocal] = useState<Errors>({});
  const [done, setDone] = useState<{ text: string; low: string } | undefined>();
  const [formKey, setFormKey] = useState(0);
  const locations = p.locations.map((l) => ({ id: l.locationId, name: l.locationName }));
  const level = p.locations.find((l) => l.locationId === from);

  const save = useAction(async (form: HTMLFormElement) => {
    const v = formValues(form);
    setDone(undefined);
    const errors: Errors = {};
    const qty = parseQuantity(v.quantity ?? "");
    const qtyProblem = v.quantity?.trim() ? quantityProblem(v.quantity) : t("stock.error.required");
    if (qtyProblem) errors.quantity = [qtyProblem];
    else if (qty !== undefined && qty <= 0) errors.quantity = [t("stock.error.positive")];
    if (kind === "adjust" && !v.reason) errors.reason = [t("stock.error.required")];
    const unitCost = v.unitCost?.trim() ? parseMoney(v.unitCost, currency) : undefined;
    const costProblem = v.unitCost?.trim()
      ? moneyProblem(v.unitCost, currency, t("stock.error.money", { example: fmt.number(1250.5, 2) }))
      : undefined;
    if (costProblem) errors.unitCost = [costProblem];
    setLocal(errors);
    if (Object.keys(errors).length > 0 || qty === undefined) return focusFirstError(form);
    const base = { productId: p.id, locationId: from, note: v.note?.trim() || undefined };
    const body: StockMovementBody =
      kind === "receive"
        ? { ...base, kind, quantity: qty, unitCost }
        : kind === "adjust"
          ? { ...base, kind, quantity: v.direction === "remove" ? -qty : qty, reason: v.reason as Reason }
          : { ...base, kind, quantity: qty, toLocationId: to };
    const result = await moveStock(body);
    rememberLocation(from);
    const names = new Map(locations.map((l) => [l.id, l.name]));
    setDone({
      // One "Saved." for the whole move; a transfer then names both locations' new levels.
      text: [
        t("stock.move.saved"),
        ...result.movements.map((m) =>
          t("stock.move.done", { location: m.locationName, qty: fmt.qty(m.levelAfter, p.unit) }),
        ),
      ].join(" "),
      low: result.lowStock.map((c) => t("stock.move.lowAlert", { location: names.get(c.locationId) ?? "" })).join(" "),
    });
    setFormKey((k) => k + 1); // a fresh, empty form for the next delivery
    void refreshLowStockBadge();
    onDone();
  });
  const errors: Errors = { ...save.fieldErrors, ...local };
  const unit = unitWord(p.unit);

  return (
    <>
      <p class="lead">{t(`stock.move.${kind}.intro`, { name: p.name })}</p>
      {done && (
        <Notice kind="success">
          <p>{done.text}</p>
          {done.low && <p>{done.low}</p>}
        </Notice>
      )}
      {save.error !== null && <Notice kind="error">{errorMessage(save.error)}</Notice>}
      <form
        key={formKey}
        class="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(e.currentTarget);
        }}
      >
        {(locations.length > 1 || kind === "transfer") && (
          <LocationSelect
            id="f-from"
            label={t(kind === "transfer" ? "stock.field.from" : "stock.field.location")}
            value={from}
            locations={locations}
            onChange={setFrom}
            errors={errors.locationId}
          />
        )}
        {level && <p class="hint">{t("stock.move.now", { qty: fmt.qty(level.quantity, p.unit) })}</p>}
        {kind === "transfer" && (
          <LocationSelect
            id="f-to"
            label={t("stock.field.to")}
            value={to}
            locations={locations.filter((l) => l.id !== from)}
            onChange={setTo}
            errors={errors.toLocationId}
          />
        )}
        {kind === "adjust" && (
          <fieldset>
            <legend>{t("stock.field.direction")}</legend>
            <div class="chips">
              {(["remove", "add"] as const).map((d) => (
                <label key={d} class="chip">
                  <input type="radio" name="direction" value={d} defaultChecked={d === "remove"} />
                  <span>{t(d === "add" ? "stock.direction.add" : "stock.direction.remove")}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <Field
          name="quantity"
          label={t("stock.field.quantity", { unit })}
          errors={errors.quantity}
          inputMode="decimal"
          autocomplete="off"
          required
        />
        {kind === "adjust" && (
          <div class={`field${errors.reason ? " field-invalid" : ""}`}>
            <label for="f-reason">{t("stock.field.reason")}</label>
            <select
              id="f-reason"
              name="reason"
              required
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? "f-reason-error" : undefined}
            >
              <option value="">{t("stock.field.reason.choose")}</option>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {word("stock.reason", r)}
                </option>
              ))}
            </select>
            {errors.reason && (
              <p class="field-error" id="f-reason-error">
                {errors.reason
                  .map((message) => t("error.field", { label: t("stock.field.reason"), message }))
                  .join(" ")}
              </p>
            )}
          </div>
        )}
        {kind === "receive" && me.permissions.includes("products.write") && (
          <Field
            name="unitCost"
            label={t("stock.field.unitCost", { currency })}
            hint={t("stock.field.optional")}
            errors={errors.unitCost}
            inputMode="decimal"
            autocomplete="off"
          />
        )}
        <Field
          name="note"
          label={t("stock.field.note")}
          hint={t(kind === "receive" ? "stock.field.note.hint" : `stock.field.note.hint.${kind}`)}
          errors={errors.note}
        />
        <Button type="submit" busy={save.busy} busyLabel={t("stock.move.busy")}>
          {t(`stock.move.submit.${kind}`)}
        </Button>
      </form>
      {done && (
        <Link class="btn btn-secondary" href={`/stock/${p.id}`}>
          {t("stock.move.toProduct")}
        </Link>
      )}
    </>
  );
}
