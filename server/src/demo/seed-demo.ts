import { randomUUID } from "node:crypto";

/**
 * A living demo shop made through the public API, exactly as people would make it, so every rule
 * (stock, totals, credit) holds. The same code fills `npm run db:seed -- --demo` and the browser tests.
 */
export type Caller = (
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: answers are shaped by the API's own response schemas
) => Promise<{ status: number; body: any }>;

export class DemoExists extends Error {}

export interface DemoLogins {
  owner: { login: string; password: string };
  staff: { login: string; password: string };
  businessName: string;
  sales: number;
}

export const DEMO_PASSWORD = "sunny-mango-market-26";

const CATALOGUE: [name: string, category: string, unit: string, price: number, cost: number, stock: number][] = [
  ["Sugar 1 kg", "Groceries", "piece", 180_00, 150_00, 60],
  ["Maize flour 2 kg", "Groceries", "piece", 210_00, 175_00, 80],
  ["Rice (loose)", "Groceries", "kg", 160_00, 120_00, 50],
  ["Cooking oil 1 L", "Groceries", "piece", 350_00, 300_00, 40],
  ["Tea leaves 250 g", "Groceries", "piece", 120_00, 95_00, 45],
  ["Salt 500 g", "Groceries", "piece", 40_00, 28_00, 70],
  ["Wheat flour 2 kg", "Groceries", "piece", 230_00, 190_00, 35],
  ["Beans (loose)", "Groceries", "kg", 180_00, 140_00, 30],
  ["Milk 500 ml", "Dairy", "piece", 65_00, 52_00, 60],
  ["Eggs (tray of 30)", "Dairy", "piece", 450_00, 390_00, 12],
  ["Bread 400 g", "Bakery", "piece", 65_00, 55_00, 40],
  ["Soda 500 ml", "Drinks", "piece", 80_00, 60_00, 96],
  ["Water 1 L", "Drinks", "piece", 60_00, 40_00, 72],
  ["Juice 1 L", "Drinks", "piece", 220_00, 170_00, 24],
  ["Bar soap", "Household", "piece", 120_00, 90_00, 50],
  ["Washing powder 1 kg", "Household", "piece", 280_00, 230_00, 25],
  ["Matches (box of 10)", "Household", "pack", 50_00, 35_00, 40],
  ["Candles (pack of 6)", "Household", "pack", 150_00, 110_00, 20],
  ["Toothpaste", "Personal care", "piece", 150_00, 115_00, 30],
  ["Petroleum jelly", "Personal care", "piece", 90_00, 65_00, 30],
  ["Airtime 100", "Airtime", "piece", 100_00, 95_00, 200],
  ["Exercise book", "Stationery", "piece", 50_00, 35_00, 60],
  ["Pen", "Stationery", "piece", 20_00, 12_00, 100],
  ["Tomatoes", "Fresh produce", "kg", 120_00, 80_00, 20],
  ["Onions", "Fresh produce", "kg", 110_00, 75_00, 25],
  ["Bananas", "Fresh produce", "piece", 10_00, 6_00, 120],
];

const CUSTOMERS: [name: string, phone: string, creditLimit?: number][] = [
  ["Wanjiru Kamau", "0712 345 678", 5_000_00],
  ["Otieno Odhiambo", "0722 111 222", 3_000_00],
  ["Fatuma Hassan", "0733 444 555"],
  ["Kipchoge Rono", "0701 987 654", 2_000_00],
  ["Achieng Atieno", "0745 222 333"],
  ["Mwangi Njoroge", "0790 555 111", 4_000_00],
  ["Halima Abdi", "0711 000 999"],
  ["Baraka Mutua", "0768 123 456"],
];

/** A small deterministic random source, so the demo looks the same every time. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

async function must(call: Caller, method: "GET" | "POST", path: string, body?: unknown) {
  const res = await call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Fills a new demo business. `owner` must be a caller that keeps its session cookie; `signUp` is
 * called on it first. Sales are spread over the last `days` days, busiest in the evening.
 */
export async function seedDemo(
  owner: Caller,
  opts: { now?: Date; days?: number; suffix?: string } = {},
): Promise<DemoLogins> {
  const now = opts.now ?? new Date();
  const days = opts.days ?? 28;
  const suffix = opts.suffix ?? "";
  const random = prng(20_260_101);
  const businessName = "Duka la Mama Amina";
  const ownerLogin = `amina${suffix}@demo.duka`;
  const staffLogin = `juma${suffix}@demo.duka`;
  const signup = await owner("POST", "/auth/signup", {
    businessName,
    currency: "KES",
    timeZone: "Africa/Nairobi",
    country: "KE",
    locale: "en",
    locationName: "Main shop",
    locationAddress: "Moi Avenue, Nairobi",
    ownerName: "Amina Wanjiku",
    login: ownerLogin,
    password: DEMO_PASSWORD,
  });
  if (signup.status === 409) throw new DemoExists(`The demo business exists already: sign in as ${ownerLogin}.`);
  if (signup.status !== 201) throw new Error(`signup answered ${signup.status}: ${JSON.stringify(signup.body)}`);
  const main = (await must(owner, "GET", "/locations")).items[0].id as string;
  await must(owner, "POST", "/locations", { name: "Market kiosk", address: "Gikomba market" });
  await must(owner, "POST", "/users", {
    name: "Juma Otieno",
    login: staffLogin,
    password: DEMO_PASSWORD,
    role: "staff",
    locationId: main,
  });

  const products: { id: string; price: number; unit: string }[] = [];
  for (const [name, category, unit, price, cost, stock] of CATALOGUE) {
    const p = await must(owner, "POST", "/products", {
      name,
      category,
      unit,
      price,
      cost,
      lowStockThreshold: Math.max(2, Math.round(stock / 8)),
      initialStock: [{ locationId: main, quantity: stock * 3 }],
    });
    products.push({ id: p.id, price, unit });
  }
  const customers: string[] = [];
  for (const [name, phone, creditLimit] of CUSTOMERS) {
    const c = await must(owner, "POST", "/customers", { name, phone, ...(creditLimit ? { creditLimit } : {}) });
    customers.push(c.id);
  }

  // A few products sell most: pick by a skewed index.
  const pick = () => products[Math.floor(random() ** 2.2 * products.length)] as (typeof products)[number];
  let sales = 0;
  for (let d = days; d >= 0; d--) {
    const count = 4 + Math.floor(random() * 6);
    for (let i = 0; i < count; i++) {
      const at = new Date(now.getTime() - d * 86_400_000 - (1 + random() * 10) * 3_600_000);
      if (at > now) continue;
      const lineCount = 1 + Math.floor(random() * 3);
      const chosen = new Map<string, number>();
      for (let l = 0; l < lineCount; l++) {
        const p = pick();
        const qty = p.unit === "kg" ? Math.round((0.5 + random() * 2) * 4) / 4 : 1 + Math.floor(random() * 3);
        chosen.set(p.id, (chosen.get(p.id) ?? 0) + qty);
      }
      const onCredit = random() < 0.12;
      const method = onCredit ? "credit" : random() < 0.35 ? "mobile_money" : "cash";
      await must(owner, "POST", "/sales", {
        id: randomUUID(),
        lines: [...chosen].map(([productId, quantity]) => ({ productId, quantity })),
        payment: { method },
        ...(onCredit ? { customerId: customers[Math.floor(random() * customers.length)], allowOverLimit: true } : {}),
        locationId: main,
        occurredAt: at.toISOString(),
      });
      sales++;
    }
  }
  // Some debts partly paid back.
  for (const id of customers.slice(0, 3)) {
    const balance = (await must(owner, "GET", `/customers/${id}`)).balance as number;
    if (balance > 100_00)
      await must(owner, "POST", `/customers/${id}/payments`, {
        amount: Math.floor(balance / 2),
        method: "mobile_money",
      });
  }
  return {
    owner: { login: ownerLogin, password: DEMO_PASSWORD },
    staff: { login: staffLogin, password: DEMO_PASSWORD },
    businessName,
    sales,
  };
}
