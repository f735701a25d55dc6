import { randomBytes } from "node:crypto";

export const PASSWORD = "bench-tall-mango-river-42";

export interface Shop {
  businessId: string;
  ownerCookie: string;
  staffCookies: string[];
  locationId: string;
  productIds: string[];
}

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers of every route pass through here
  body: any;
  cookie: string | null;
}

export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<Answer> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(cookie ? { cookie } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const set = res.headers.getSetCookie().find((c) => c.includes("duka_session="));
  return {
    status: res.status,
    body: text ? safeJson(text) : null,
    cookie: set ? (set.split(";")[0] ?? null) : null,
  };
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function must(a: Answer, what: string, status = [200, 201]): Answer {
  if (!status.includes(a.status)) throw new Error(`${what} answered ${a.status}: ${JSON.stringify(a.body)}`);
  return a;
}

const login = (who: string) => `${who}-${randomBytes(4).toString("hex")}@bench.example`;

/**
 * A shop set up through the API as a real owner would: sign-up, staff accounts, products with
 * plenty of stock received at the first location, and each staff member signed in.
 */
export async function setUpShop(base: string, opts: { staff: number; products: number }): Promise<Shop> {
  const signup = must(
    await call(base, "POST", "/auth/signup", {
      businessName: "Bench Duka",
      currency: "KES",
      timeZone: "Africa/Nairobi",
      country: "KE",
      locationName: "Main shop",
      ownerName: "Owner",
      login: login("owner"),
      password: PASSWORD,
    }),
    "sign-up",
  );
  const ownerCookie = signup.cookie as string;
  const me = must(await call(base, "GET", "/me", undefined, ownerCookie), "me").body;
  const locations = must(await call(base, "GET", "/locations", undefined, ownerCookie), "locations").body;
  const locationId: string = (locations.items ?? locations)[0].id;

  const productIds: string[] = [];
  for (let i = 0; i < opts.products; i++) {
    const p = must(
      await call(
        base,
        "POST",
        "/products",
        { name: `Bench product ${i + 1}`, price: 100 + i * 5, cost: 60 + i * 3 },
        ownerCookie,
      ),
      "product",
    ).body;
    productIds.push(p.id);
    must(
      await call(
        base,
        "POST",
        "/stock-movements",
        { productId: p.id, locationId, kind: "receive", quantity: 10_000_000 },
        ownerCookie,
      ),
      "receive stock",
    );
  }

  const staffCookies: string[] = [];
  for (let i = 0; i < opts.staff; i++) {
    const who = login(`staff${i + 1}`);
    must(
      await call(
        base,
        "POST",
        "/users",
        { name: `Staff ${i + 1}`, login: who, password: PASSWORD, role: "staff" },
        ownerCookie,
      ),
      "user",
    );
    const signedIn = must(await call(base, "POST", "/auth/login", { login: who, password: PASSWORD }), "login");
    staffCookies.push(signedIn.cookie as string);
  }
  return { businessId: me.business.id, ownerCookie, staffCookies, locationId, productIds };
}

/** A 3-line cash sale of distinct products, with a fresh id. */
export function saleBody(productIds: string[], id: string) {
  const picked = new Set<string>();
  while (picked.size < 3) picked.add(productIds[Math.floor(Math.random() * productIds.length)] as string);
  return {
    id,
    lines: [...picked].map((productId, i) => ({ productId, quantity: i + 1 })),
    payment: { method: "cash" },
  };
}
