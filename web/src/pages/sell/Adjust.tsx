import { useEffect, useState } from "preact/hooks";
import { t, useLocale } from "../../i18n";
import { formatterFor, moneyInput, parseMoney } from "../../lib/format";
import { unitWord } from "../../lib/units";
import { useMe } from "../../session";
import { type Cart, type CartLine, cartAmounts, lineGross, lineTotal, unitPriceOf } from "./cart";
import type { TillRules } from "./rules";

interface MoneyProps {
  id: string;
  label: string;
  value: number;
  /** The largest amount that makes sense here; more is flagged, not sent. */
  max?: number;
  tooMuch?: string;
  onValue: (minor: number) => void;
}

/** An amount typed in major units; the cart only takes it once it reads as a valid amount. */
export function MoneyField({ id, label, value, max, tooMuch, onValue }: MoneyProps) {
  const currency = useMe().business.currency;
  const [text, setText] = useState(value ? moneyInput(value, currency) : "");
  useEffect(() => {
    // Keep the text when it already says this amount ("5." while typing "5.50").
    if ((parseMoney(text, currency) ?? 0) !== value) setText(value ? moneyInput(value, currency) : "");
  }, [value]);
  const minor = text.trim() ? parseMoney(text, currency) : 0;
  const problem =
    minor === undefined
      ? t("sell.adjust.invalid")
      : max !== undefined && minor > max
        ? (tooMuch ?? t("sell.adjust.invalid"))
        : undefined;
  return (
    <div class={`field${problem ? " field-invalid" : ""}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        autocomplete="off"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-err` : undefined}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = next.trim() ? parseMoney(next, currency) : 0;
          if (parsed !== undefined && (max === undefined || parsed <= max)) onValue(parsed);
        }}
      />
      {problem && (
        <p class="field-error" id={`${id}-err`}>
          {problem}
        </p>
      )}
    </div>
  );
}

interface Props {
  cart: Cart;
  rules: TillRules;
  onLine: (productId: string, terms: { unitPrice?: number; discount?: number }) => void;
  onSaleDiscount: (minor: number) => void;
  onClose: () => void;
}

/**
 * Discounts and agreed prices, out of the way of the plain sale: opened on purpose, one field per
 * change this user may make. The server prices the sale again and has the last word.
 */
export default function Adjust({ cart, rules, onLine, onSaleDiscount, onClose }: Props) {
  const fmt = formatterFor(useMe().business, useLocale());
  const amounts = cartAmounts(cart);
  const max = rules.maxDiscountPercent;
  const overMax = max !== null && amounts.discounts * 100 > max * amounts.gross;
  return (
    <section class="card stack adjust" aria-labelledby="adjust-title">
      <h2 id="adjust-title" class="sell-h2">
        {t("sell.adjust.title")}
      </h2>
      {max !== null && rules.discount && <p class="hint">{t("sell.adjust.staffMax", { percent: max })}</p>}
      {cart.lines.map((line: CartLine) => (
        <fieldset key={line.id} class="stack adjust-line">
          <legend>{line.name}</legend>
          {rules.changePrice && (
            <MoneyField
              id={`price-${line.id}`}
              label={t("sell.adjust.price", { name: line.name, unit: unitWord(line.unit, 1) })}
              value={unitPriceOf(line)}
              onValue={(unitPrice) => onLine(line.id, { unitPrice, discount: line.discount ?? 0 })}
            />
          )}
          {rules.discount && (
            <MoneyField
              id={`discount-${line.id}`}
              label={t("sell.adjust.lineDiscount", { name: line.name })}
              value={line.discount ?? 0}
              max={lineGross(line)}
              tooMuch={t("sell.adjust.tooMuch", { amount: fmt.money(lineGross(line)) })}
              onValue={(discount) => onLine(line.id, { unitPrice: unitPriceOf(line), discount })}
            />
          )}
          <p class="hint">{t("sell.adjust.lineNow", { amount: fmt.money(lineTotal(line)) })}</p>
        </fieldset>
      ))}
      {rules.discount && (
        <MoneyField
          id="discount-sale"
          label={t("sell.adjust.saleDiscount")}
          value={cart.discount ?? 0}
          max={amounts.subtotal}
          tooMuch={t("sell.adjust.tooMuch", { amount: fmt.money(amounts.subtotal) })}
          onValue={onSaleDiscount}
        />
      )}
      {overMax && (
        <p class="field-error" role="alert">
          {t("sell.adjust.overMax", { percent: max ?? 0 })}
        </p>
      )}
      <button type="button" class="btn btn-secondary" onClick={onClose}>
        {t("sell.adjust.done")}
      </button>
    </section>
  );
}
