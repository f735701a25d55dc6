import type { ProductItem } from "../../api/sales";
import { createStore, type Store } from "../../lib/store";

/** What the cart remembers of a product: enough to show the line without asking the server again. */
export interface CartProduct {
  id: string;
  name: string;
  price: number;
  unit: string;
  stock?: number;
  /** The price is typed at each sale (the listed price means nothing). */
  priceAtSale?: boolean;
}

export interface CartLine extends CartProduct {
  quantity: number;
  /** A price agreed at the till, in place of the product's; absent means the listed price. */
  unitPrice?: number;
  /** Taken off this line, in minor units. */
  discount?: number;
}

/**
 * The sale being made on this phone. Kept in localStorage with its client-made id, so a reload, a
 * dead battery or a dropped network never loses a started sale, and a retried confirm is the same sale.
 */
export interface Cart {
  id: string;
  lines: CartLine[];
  method: string;
  /** The amount tendered as typed, so a half-typed amount survives a reload too. */
  tendered: string;
  /** The mobile-money transaction code as typed; absent in carts kept before it existed. */
  reference?: string;
  note: string;
  customer: { id: string; name: string; phone: string | null; balance: number } | null;
  /** Taken off the whole sale, in minor units. */
  discount: number;
  /** Owner only: when a sale copied from paper happened, as typed (YYYY-MM-DDTHH:mm, business time). */
  occurredAt: string;
  /** A confirm was sent and no answer came: the server may have the sale already. */
  sent: boolean;
}

export function newSaleId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const emptyCart = (): Cart => ({
  id: newSaleId(),
  lines: [],
  method: "",
  tendered: "",
  note: "",
  customer: null,
  discount: 0,
  occurredAt: "",
  sent: false,
});

/** Rounds to the 3 decimals a quantity may have, so 0.1 + 0.2 stays 0.3. */
export const roundQty = (q: number) => Math.round(q * 1000) / 1000;

/** Units sold by weight or volume: their quantity is typed with decimals. */
const MEASURED = /^(kg|g|gram|grams|kilo|kilogram|l|litre|liter|ml|m|metre|meter)s?$/i;
export const isMeasured = (unit: string) => MEASURED.test(unit.trim());

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the sale still works, it just would not survive a reload
  }
}

const stores = new Map<string, Store<Cart>>();

/** The cart of one user on this phone (two staff sharing a phone each keep their own). */
export function cartStore(userId: string): Store<Cart> {
  const key = `duka.sell.cart.${userId}`;
  let store = stores.get(key);
  if (!store) {
    const saved = read<Cart>(key);
    const s = createStore<Cart>(saved?.id && Array.isArray(saved.lines) ? { ...emptyCart(), ...saved } : emptyCart());
    s.subscribe(() => write(key, s.get()));
    stores.set(key, s);
    store = s;
  }
  return store;
}

/** Most of one product on a line, as the server allows (MAX_LINE_QUANTITY in contracts/src/sales.ts). */
export const MAX_LINE_QUANTITY = 100_000;

export function addProduct(cart: Cart, p: CartProduct, quantity = 1): Cart {
  const existing = cart.lines.find((l) => l.id === p.id);
  const lines = existing
    ? cart.lines.map((l) =>
        l.id === p.id ? { ...l, ...p, quantity: Math.min(roundQty(l.quantity + quantity), MAX_LINE_QUANTITY) } : l,
      )
    : [...cart.lines, { ...p, quantity }];
  return { ...cart, lines };
}

export function setQuantity(cart: Cart, productId: string, quantity: number): Cart {
  return { ...cart, lines: cart.lines.map((l) => (l.id === productId ? { ...l, quantity: roundQty(quantity) } : l)) };
}

export const removeLine = (cart: Cart, productId: string): Cart => ({
  ...cart,
  lines: cart.lines.filter((l) => l.id !== productId),
});

export function setLineTerms(cart: Cart, productId: string, terms: { unitPrice?: number; discount?: number }): Cart {
  return {
    ...cart,
    lines: cart.lines.map((l) => {
      if (l.id !== productId) return l;
      const { unitPrice: _p, discount: _d, ...plain } = l;
      // Only what differs from the plain sale is kept, so an undone change sends nothing.
      return {
        ...plain,
        ...(terms.unitPrice !== undefined && (terms.unitPrice !== l.price || l.priceAtSale)
          ? { unitPrice: terms.unitPrice }
          : {}),
        ...(terms.discount ? { discount: terms.discount } : {}),
      };
    }),
  };
}

export const unitPriceOf = (l: CartLine) => l.unitPrice ?? l.price;

/** Price × quantity, rounded half up as the server does (quantities have at most 3 decimals). */
export const lineGross = (l: CartLine) => Math.round((unitPriceOf(l) * Math.round(l.quantity * 1000)) / 1000);
export const lineTotal = (l: CartLine) => lineGross(l) - (l.discount ?? 0);

/** The amounts the phone expects, by the server's rules; the server's answer is the one that counts. */
export function cartAmounts(cart: Cart) {
  const subtotal = cart.lines.reduce((sum, l) => sum + lineTotal(l), 0);
  const lineDiscounts = cart.lines.reduce((sum, l) => sum + (l.discount ?? 0), 0);
  const discount = cart.discount ?? 0;
  return { gross: subtotal + lineDiscounts, subtotal, discounts: lineDiscounts + discount, total: subtotal - discount };
}

export const toCartProduct = (p: ProductItem): CartProduct => ({
  id: p.id,
  name: p.name,
  price: p.price,
  unit: p.unit,
  stock: p.stock,
  ...(p.priceAtSale ? { priceAtSale: true } : {}),
});

/** The products this phone sells most, for the quick-pick grid. */
interface Favourite extends CartProduct {
  count: number;
  last: number;
}

const favKey = (userId: string) => `duka.sell.favourites.${userId}`;

export function favourites(userId: string, max = 8): CartProduct[] {
  const all = read<Favourite[]>(favKey(userId)) ?? [];
  return [...all].sort((a, b) => b.count - a.count || b.last - a.last).slice(0, max);
}

export function rememberSold(userId: string, lines: CartLine[]) {
  const all = new Map((read<Favourite[]>(favKey(userId)) ?? []).map((f) => [f.id, f]));
  const now = Date.now();
  for (const l of lines) {
    const seen = all.get(l.id);
    const { quantity: _q, stock: _s, ...product } = l;
    all.set(l.id, { ...product, count: (seen?.count ?? 0) + 1, last: now });
  }
  // Keep the list small: the 40 most used are plenty for an 8-tile grid.
  const kept = [...all.values()].sort((a, b) => b.count - a.count || b.last - a.last).slice(0, 40);
  write(favKey(userId), kept);
}

/** Refreshes the remembered name and price of products just seen in a search. */
export function refreshFavourites(userId: string, seen: ProductItem[]) {
  const all = read<Favourite[]>(favKey(userId));
  if (!all?.length) return;
  const byId = new Map(seen.map((p) => [p.id, p]));
  let changed = false;
  const next = all.map((f) => {
    const p = byId.get(f.id);
    if (!p || (p.name === f.name && p.price === f.price && p.unit === f.unit)) return f;
    changed = true;
    return { ...f, name: p.name, price: p.price, unit: p.unit };
  });
  if (changed) write(favKey(userId), next);
}

const locationKey = (userId: string) => `duka.sell.location.${userId}`;

/** Where the owner last chose to sell on this phone; "" for the business's first location. */
export const savedLocation = (userId: string) => read<string>(locationKey(userId)) ?? "";
export const saveLocation = (userId: string, locationId: string) => write(locationKey(userId), locationId);
