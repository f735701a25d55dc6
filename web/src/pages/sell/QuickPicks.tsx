import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";
import type { CartProduct } from "./cart";

/** The products this phone sells most: one tap adds one. */
export function QuickPicks({ items, onPick }: { items: CartProduct[]; onPick: (p: CartProduct) => void }) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  if (items.length === 0) return <p class="hint">{t("sell.quick.empty")}</p>;
  return (
    <section aria-labelledby="sell-quick">
      <h2 id="sell-quick" class="sell-h2">
        {t("sell.quick")}
      </h2>
      <ul class="sell-quick">
        {items.map((p) => (
          <li key={p.id}>
            {/* Named by what it shows (name and price), so voice control finds it by what the eye reads. */}
            <button type="button" class="sell-tile" onClick={() => onPick(p)}>
              <span class="sell-tile-name">{p.name}</span>
              <span class="sell-tile-price">{fmt.money(p.price)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
