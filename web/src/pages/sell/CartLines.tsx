import { useEffect, useState } from "preact/hooks";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { unitWord } from "../../lib/units";
import { useMe } from "../../session";
import { MoneyField } from "./Adjust";
import { type CartLine, isMeasured, lineTotal, MAX_LINE_QUANTITY, roundQty, unitPriceOf } from "./cart";

interface Props {
  lines: CartLine[];
  /** Problems the server found, by product id, shown under the line concerned. */
  errors: Record<string, string>;
  onQuantity: (productId: string, quantity: number) => void;
  onRemove: (productId: string) => void;
  /** The price typed for a product whose price is set at each sale. */
  onPrice: (productId: string, unitPrice: number) => void;
}

/** "1,5" or "1.5" → 1.5; undefined unless a positive number with at most 3 decimals. */
export function parseQuantity(text: string): number | undefined {
  const s = text.trim().replace(",", ".");
  if (!/^\d+(\.\d{0,3})?$|^\.\d{1,3}$/.test(s)) return undefined;
  const q = Number(s);
  return q > 0 ? q : undefined;
}

function QuantityInput({ line, onQuantity }: { line: CartLine; onQuantity: Props["onQuantity"] }) {
  const fmt = formatterFor(useMe().business, useLocale());
  const [text, setText] = useState(String(line.quantity));
  // "invalid": not a quantity; "big": over the most a line may hold (a slipped finger's 99999999).
  const [bad, setBad] = useState<"invalid" | "big" | false>(false);
  useEffect(() => {
    setText(String(line.quantity));
    setBad(false);
  }, [line.quantity]);
  const id = `qty-${line.id}`;
  const step = isMeasured(line.unit) ? 0.5 : 1;
  const commit = (value: string) => {
    const q = parseQuantity(value);
    const problem = q === undefined ? "invalid" : q > MAX_LINE_QUANTITY ? "big" : false;
    setBad(problem);
    if (q !== undefined && !problem && q !== line.quantity) onQuantity(line.id, q);
  };
  return (
    <div class="qty">
      <button
        type="button"
        class="btn btn-secondary qty-btn"
        aria-label={t("sell.qty.less", { name: line.name })}
        disabled={line.quantity <= step}
        onClick={() => onQuantity(line.id, roundQty(line.quantity - step))}
      >
        −
      </button>
      <label class="visually-hidden" for={id}>
        {t("sell.qty.label", { name: line.name, unit: unitWord(line.unit) })}
      </label>
      <input
        id={id}
        class="qty-input"
        inputMode="decimal"
        value={text}
        aria-invalid={bad ? true : undefined}
        aria-describedby={bad ? `${id}-err` : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (parseQuantity(e.currentTarget.value) !== undefined) commit(e.currentTarget.value);
        }}
        onBlur={(e) => commit(e.currentTarget.value)}
      />
      <button
        type="button"
        class="btn btn-secondary qty-btn"
        aria-label={t("sell.qty.more", { name: line.name })}
        disabled={line.quantity + step > MAX_LINE_QUANTITY}
        onClick={() => onQuantity(line.id, roundQty(line.quantity + step))}
      >
        +
      </button>
      {bad && (
        <p class="field-error qty-err" id={`${id}-err`}>
          {bad === "big" ? t("sell.qty.tooMany", { max: fmt.number(MAX_LINE_QUANTITY) }) : t("sell.qty.invalid")}
        </p>
      )}
      <span class="visually-hidden" aria-live="polite">
        {fmt.number(line.quantity)}
      </span>
    </div>
  );
}

/** The cart: one card per product with its amount, quantity controls and a remove button. */
export function CartLines({ lines, errors, onQuantity, onRemove, onPrice }: Props) {
  const fmt = formatterFor(useMe().business, useLocale());
  return (
    <ul class="cart" aria-label={t("sell.cart")}>
      {lines.map((line) => {
        const error = errors[line.id];
        const short = line.stock !== undefined && line.quantity > line.stock;
        return (
          <li key={line.id} class={`cart-line${error ? " cart-line-error" : ""}`} id={`line-${line.id}`}>
            <div class="cart-line-head">
              <span class="cart-line-name">{line.name}</span>
              <span class="cart-line-total">{fmt.money(lineTotal(line))}</span>
            </div>
            <p class="hint">
              {t("sell.line.each", { price: fmt.money(unitPriceOf(line)), unit: unitWord(line.unit, 1) })}
              {line.unitPrice !== undefined &&
                !line.priceAtSale &&
                ` · ${t("sell.line.listed", { price: fmt.money(line.price) })}`}
              {line.discount ? ` · ${t("sell.line.discount", { amount: fmt.money(line.discount) })}` : ""}
              {short &&
                ` · ${t("sell.line.short", { quantity: fmt.number(line.stock ?? 0), unit: unitWord(line.unit, line.stock ?? 0) })}`}
            </p>
            {line.priceAtSale && (
              <MoneyField
                id={`sale-price-${line.id}`}
                label={t("sell.line.typePrice", { name: line.name, unit: unitWord(line.unit, 1) })}
                value={line.unitPrice ?? 0}
                onValue={(unitPrice) => onPrice(line.id, unitPrice)}
              />
            )}
            <div class="cart-line-actions">
              <QuantityInput line={line} onQuantity={onQuantity} />
              <button
                type="button"
                class="btn btn-secondary cart-remove"
                aria-label={t("sell.line.removeLabel", { name: line.name })}
                onClick={() => onRemove(line.id)}
              >
                {t("sell.line.remove")}
              </button>
            </div>
            {error && (
              <p class="field-error" role="alert">
                {error}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
