import { searchProducts } from "../../api/sales";
import { Fit } from "../../components/Fit";
import { useLoad } from "../../data/use-load";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { Link } from "../../router";
import { useMe } from "../../session";
import { type CartProduct, toCartProduct } from "./cart";

/** Tiles on a first day: enough to cover a small shop's shelf without a long scroll. */
const FIRST_DAY_TILES = 24;

/**
 * The products this phone sells most: one tap adds one. Before this phone has sold anything, the
 * shop's products instead (quick picks need a history); with no products at all, the way to add
 * them for the owner, and whom to ask for staff.
 */
export function QuickPicks({ items, onPick }: { items: CartProduct[]; onPick: (p: CartProduct) => void }) {
  const firstDay = items.length === 0;
  const shelf = useLoad(
    () => (firstDay ? searchProducts("", FIRST_DAY_TILES) : Promise.resolve(undefined)),
    [firstDay],
  );
  if (!firstDay) return <Tiles id="sell-quick" title={t("sell.quick")} items={items} onPick={onPick} />;
  const products = shelf.data?.items;
  if (!products) return null;
  if (products.length === 0) return <EmptyTill />;
  return (
    <Tiles
      id="sell-first-day"
      title={t("sell.firstDay")}
      hint={t("sell.firstDay.hint")}
      items={products.map(toCartProduct)}
      onPick={onPick}
    />
  );
}

function Tiles(props: {
  id: string;
  title: string;
  hint?: string;
  items: CartProduct[];
  onPick: (p: CartProduct) => void;
}) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id} class="sell-h2">
        {props.title}
      </h2>
      {props.hint && <p class="hint">{props.hint}</p>}
      <ul class="sell-quick">
        {props.items.map((p) => (
          <li key={p.id}>
            {/* Named by what it shows (name and price), so voice control finds it by what the eye reads. */}
            <button type="button" class="sell-tile" onClick={() => props.onPick(p)}>
              <span class="sell-tile-name">{p.name}</span>
              <span class="sell-tile-price fit-box">
                <Fit text={fmt.money(p.price)} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Nothing to sell yet: the owner gets the way to add products, staff whom to ask. */
function EmptyTill() {
  const me = useMe();
  if (!me.permissions.includes("products.write")) {
    return <p class="notice notice-info">{t("sell.empty.staff")}</p>;
  }
  return (
    <section class="card stack" aria-labelledby="sell-empty-title">
      <h2 id="sell-empty-title" class="sell-h2">
        {t("sell.empty.title")}
      </h2>
      <p>{t("sell.empty.owner")}</p>
      <Link class="btn btn-primary" href="/stock/new">
        {t("sell.empty.add")}
      </Link>
      {me.permissions.includes("data.import") && <Link href="/more/import">{t("sell.empty.import")}</Link>}
    </section>
  );
}
