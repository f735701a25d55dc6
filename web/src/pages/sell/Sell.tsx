import { useState } from "preact/hooks";
import { type Sale, searchProducts } from "../../api/sales";
import { Fit } from "../../components/Fit";
import { Notice } from "../../components/Notice";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { lazy } from "../../lib/lazy";
import { useStore } from "../../lib/store";
import { useMedia, WIDE } from "../../lib/use-media";
import { Link } from "../../router";
import { useMe } from "../../session";
import { CartLines } from "./CartLines";
import { canScan } from "./camera";
import {
  addProduct,
  type CartProduct,
  cartAmounts,
  cartStore,
  emptyCart,
  favourites,
  rememberSold,
  removeLine,
  setLineTerms,
  setQuantity,
  toCartProduct,
} from "./cart";
import { PaymentSheet } from "./PaymentSheet";
import { ProductSearch } from "./ProductSearch";
import { QuickPicks } from "./QuickPicks";
import { useTillRules } from "./rules";
import { SaleDone } from "./SaleDone";
import { useTillLocation } from "./till-location";
import "./sell.css";
import "./sales.css";
import "./sell-wide.css";

// The camera code downloads on the first tap of Scan, not with the sell screen; so do the rarely
// used discount and price fields.
const Scanner = lazy(() => import("./Scanner"));
const Adjust = lazy(() => import("./Adjust"));

type Step = { kind: "cart" } | { kind: "pay" } | { kind: "done"; sale: Sale; warning?: string | undefined };

/**
 * The till. Find (search, scan or a quick pick), adjust, charge, confirm: a known product in three
 * taps. The cart lives in localStorage with its sale id, so nothing started is ever lost.
 */
export default function Sell() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const store = cartStore(me.user.id);
  const locationId = useTillLocation();
  const cart = useStore(store);
  const [step, setStep] = useState<Step>({ kind: "cart" });
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [announce, setAnnounce] = useState("");
  const [scanning, setScanning] = useState(false);
  const [preset, setPreset] = useState<string | undefined>();
  const [searching, setSearching] = useState(false);
  const [picks, setPicks] = useState(() => favourites(me.user.id));
  const [adjusting, setAdjusting] = useState(false);
  const rules = useTillRules();
  // On a desktop the products stay on the left, beside the cart; on a phone they follow the cart.
  const wide = useMedia(WIDE);
  const mayAdjust = rules.discount || rules.changePrice;

  const clearError = (id: string) => {
    if (!lineErrors[id]) return;
    const { [id]: _gone, ...rest } = lineErrors;
    setLineErrors(rest);
  };

  function add(p: CartProduct) {
    store.set(addProduct(store.get(), p));
    clearError(p.id);
    setAnnounce(t("sell.added", { name: p.name }));
  }

  async function scanned(code: string) {
    setScanning(false);
    try {
      const { items } = await searchProducts(code, 5, locationId);
      const exact = items.filter((p) => p.barcode === code || p.sku === code);
      const only = exact.length === 1 ? exact[0] : undefined;
      if (only) add(toCartProduct(only));
      else setPreset(code);
    } catch {
      setPreset(code);
    }
  }

  if (step.kind === "done") {
    return (
      <div class="sell">
        <SaleDone
          sale={step.sale}
          warning={step.warning}
          onNew={() => {
            setPicks(favourites(me.user.id));
            setAdjusting(false);
            setStep({ kind: "cart" });
          }}
        />
      </div>
    );
  }

  if (step.kind === "pay" && cart.lines.length > 0) {
    return (
      <div class="sell">
        <PaymentSheet
          store={store}
          cart={cart}
          onBack={() => setStep({ kind: "cart" })}
          onRecorded={(sale, warning) => {
            rememberSold(me.user.id, store.get().lines);
            store.set(emptyCart());
            setLineErrors({});
            setStep({ kind: "done", sale, warning });
          }}
          onLineError={(productId, message) => {
            setLineErrors({ [productId]: message });
            setStep({ kind: "cart" });
            requestAnimationFrame(() => document.getElementById(`line-${productId}`)?.scrollIntoView());
          }}
        />
      </div>
    );
  }

  const amounts = cartAmounts(cart);
  const hasErrors = Object.keys(lineErrors).length > 0;
  return (
    <div class="sell stack page-wide">
      <div class="sell-head">
        <h1>{t("sell.title")}</h1>
        <Link class="sell-link" href="/sales">
          {t("sell.todaySales")}
        </Link>
        {me.permissions.includes("drawers.close") && (
          <Link class="sell-link" href="/close">
            {t("close.link")}
          </Link>
        )}
      </div>

      {cart.sent && <Notice kind="info">{t("sell.sentBefore")}</Notice>}
      {hasErrors && <Notice kind="error">{t("sell.fixLines")}</Notice>}

      <div class="sell-cols">
        <div class="sell-find stack">
          <ProductSearch
            onPick={(p) => add(toCartProduct(p))}
            preset={preset}
            onActive={setSearching}
            addon={
              canScan() ? (
                <button type="button" class="btn btn-secondary field-addon" onClick={() => setScanning((s) => !s)}>
                  {t("sell.scan")}
                </button>
              ) : undefined
            }
          />
          {scanning && <Scanner onCode={(code) => void scanned(code)} onClose={() => setScanning(false)} />}
          {!searching && (wide || cart.lines.length === 0) && <QuickPicks items={picks} onPick={add} />}
        </div>

        <div class="sell-cart stack">
          <p class="visually-hidden" role="status">
            {announce}
          </p>

          {cart.lines.length > 0 ? (
            <section class="stack" aria-labelledby="cart-title">
              <div class="sell-head">
                <h2 id="cart-title" class="sell-h2">
                  {t("sell.cart.count", { count: fmt.number(cart.lines.length) })}
                </h2>
                {mayAdjust && (
                  <button
                    type="button"
                    class="btn btn-secondary sell-clear"
                    aria-expanded={adjusting}
                    aria-controls="adjust"
                    onClick={() => setAdjusting((a) => !a)}
                  >
                    {t("sell.adjust.open")}
                  </button>
                )}
                <button
                  type="button"
                  class="btn btn-secondary sell-clear"
                  onClick={() => {
                    if (confirm(t("sell.clear.confirm"))) {
                      store.set(emptyCart());
                      setLineErrors({});
                    }
                  }}
                >
                  {t("sell.clear")}
                </button>
              </div>
              <CartLines
                lines={cart.lines}
                errors={lineErrors}
                onQuantity={(id, q) => {
                  store.set(setQuantity(store.get(), id, q));
                  clearError(id);
                }}
                onRemove={(id) => {
                  store.set(removeLine(store.get(), id));
                  clearError(id);
                }}
                onPrice={(id, unitPrice) => {
                  const line = store.get().lines.find((l) => l.id === id);
                  store.set(setLineTerms(store.get(), id, { unitPrice, discount: line?.discount ?? 0 }));
                  clearError(id);
                }}
              />
              {adjusting && mayAdjust && (
                <div id="adjust">
                  <Adjust
                    cart={cart}
                    rules={rules}
                    onLine={(id, terms) => {
                      store.set(setLineTerms(store.get(), id, terms));
                      clearError(id);
                    }}
                    onSaleDiscount={(discount) => store.set({ ...store.get(), discount })}
                    onClose={() => setAdjusting(false)}
                  />
                </div>
              )}
              {!wide && !searching && <QuickPicks items={picks} onPick={add} />}
            </section>
          ) : (
            <p class="hint sell-empty">{t("sell.cart.empty")}</p>
          )}

          <div class="sell-spacer" aria-hidden="true" />
          <div class="sell-bar">
            <p class="sell-bar-total">
              <span>{t("sell.total")}</span>
              <strong>
                <Fit text={fmt.money(amounts.total)} />
              </strong>
              {amounts.discounts > 0 && (
                <span class="sell-bar-discount">{t("sell.discounted", { amount: fmt.money(amounts.discounts) })}</span>
              )}
            </p>
            <button
              type="button"
              class="btn btn-primary sell-charge"
              disabled={cart.lines.length === 0}
              onClick={() => setStep({ kind: "pay" })}
            >
              {t("sell.charge")}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
