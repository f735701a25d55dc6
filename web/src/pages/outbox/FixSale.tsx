import type { CreateSaleBody } from "@duka/contracts";
import { useEffect, useState } from "preact/hooks";
import { Button } from "../../components/Button";
import { CustomerPicker, type PickedCustomer } from "../../components/CustomerPicker";
import { Notice } from "../../components/Notice";
import { savedCatalogue } from "../../data/catalogue";
import type { SaleLabels } from "../../data/db";
import { get } from "../../data/endpoints";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";
import { CartLines } from "../sell/CartLines";
import { type CartLine, cartAmounts, emptyCart } from "../sell/cart";
import "../sell/sell.css";
import "../sell/sales.css";

interface Props {
  body: CreateSaleBody;
  labels: SaleLabels | undefined;
  busy: boolean;
  onSend: (body: CreateSaleBody, labels: SaleLabels) => void;
  onCancel: () => void;
}

const lineOf = (l: CreateSaleBody["lines"][number], labels: SaleLabels | undefined): CartLine => ({
  id: l.productId,
  name: labels?.products[l.productId]?.name ?? "",
  unit: labels?.products[l.productId]?.unit ?? "piece",
  price: l.unitPrice ?? 0,
  quantity: l.quantity,
  ...(l.unitPrice !== undefined ? { unitPrice: l.unitPrice } : {}),
  ...(l.discount ? { discount: l.discount } : {}),
});

/** Names the phone did not note (a sale from another phone): the saved catalogue, else the server. */
async function named(lines: CartLine[]): Promise<CartLine[]> {
  const saved = new Map((await savedCatalogue())?.products.map((p) => [p.id, p]) ?? []);
  return Promise.all(
    lines.map(async (l) => {
      if (l.name) return l;
      const p = saved.get(l.id) ?? (await get("/products/:id", { params: { id: l.id } }).catch(() => undefined));
      return { ...l, name: p?.name ?? t("offline.fix.unknownProduct"), unit: p?.unit ?? l.unit };
    }),
  );
}

/**
 * "Change and send again" for a sale the server refused: drop a line, change a quantity or the
 * customer, then send it again under its own id (nothing was recorded under it, and its paper
 * number stays the same). Each line keeps the price the customer was charged.
 */
export function FixSale({ body, labels, busy, onSend, onCancel }: Props) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const [lines, setLines] = useState<CartLine[]>(() => body.lines.map((l) => lineOf(l, labels)));
  const [customer, setCustomer] = useState<PickedCustomer | null>(labels?.customer ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const credit = body.payment.method === "credit";

  useEffect(() => {
    void named(lines).then(setLines);
    const id = body.customerId;
    if (id && !customer) {
      void savedCatalogue().then((c) => {
        const known = c?.customers.find((x) => x.id === id);
        if (known) setCustomer(known);
      });
    }
  }, []);

  const total = cartAmounts({ ...emptyCart(), lines, discount: body.discount ?? 0 }).total;

  function send() {
    if (lines.length === 0) return setProblem(t("offline.fix.noLines"));
    if (credit && !customer) return setProblem(t("sell.pay.customerMissing"));
    setProblem(null);
    const fixed: CreateSaleBody = {
      ...body,
      lines: lines.map((l) => ({
        productId: l.id,
        quantity: l.quantity,
        ...(l.unitPrice !== undefined ? { unitPrice: l.unitPrice } : {}),
        ...(l.discount ? { discount: l.discount } : {}),
      })),
      customerId: customer?.id ?? null,
    };
    onSend(fixed, {
      products: Object.fromEntries(lines.map((l) => [l.id, { name: l.name, unit: l.unit }])),
      customer: customer ?? undefined,
    });
  }

  return (
    <div class="stack">
      <h3>{t("offline.fix.title")}</h3>
      <p class="hint">{t("offline.fix.intro")}</p>
      {lines.length > 0 ? (
        <CartLines
          lines={lines}
          errors={{}}
          onQuantity={(id, quantity) => setLines(lines.map((l) => (l.id === id ? { ...l, quantity } : l)))}
          onRemove={(id) => setLines(lines.filter((l) => l.id !== id))}
          onPrice={() => undefined}
        />
      ) : (
        <p>{t("offline.fix.noLines")}</p>
      )}
      <p>{t("offline.fix.total", { amount: fmt.money(total) })}</p>
      <CustomerPicker
        id={`fix-${body.id}`}
        value={customer}
        onChange={setCustomer}
        label={credit ? t("sell.pay.customerRequired") : t("sell.pay.customerOptional")}
      />
      {problem !== null && <Notice kind="error">{problem}</Notice>}
      <div class="actions">
        <Button busy={busy} busyLabel={t("offline.list.sending")} onClick={send}>
          {t("offline.fix.send")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("offline.fix.cancel")}
        </Button>
      </div>
    </div>
  );
}
