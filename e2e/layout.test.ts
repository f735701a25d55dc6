import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { goTo, measure, settled } from "./fit.js";
import { describeBrowser, useE2E } from "./harness.js";
import { createProduct, PASSWORD, SHOTS, signUpOwner } from "./helpers.js";

const WIDTHS = [320, 360, 412];
const LANGUAGES = ["en", "fr", "sw"] as const;
/** Set to keep a full-page picture of every screen at 360 px, for looking at; failures always get one. */
const SHOOT_ALL = !!process.env.E2E_FIT_SHOTS;

/** A shop with the long names and large amounts a real one has, made through the API once. */
async function seedShop(owner: Page) {
  await signUpOwner(owner, "Duka la Mama Wanjiku na Watoto General Merchants");
  const big = await createProduct(
    owner,
    { name: "Brookside Long Life Strawberry Yoghurt Family Pack 1.5 Litres", price: 123_456_750, unit: "pcs" },
    900,
  );
  const flour = await createProduct(
    owner,
    { name: "Unga wa Ngano Exe Home Baking Flour 2kg", price: 25_250, lowStockThreshold: 10 },
    3,
  );
  const names = ["Sukari Kabras 1kg", "Kimbo Cooking Fat 500g", "Omo Multi-Active Washing Powder 1kg", "Chai"];
  for (const [i, name] of names.entries()) await createProduct(owner, { name, price: 9_999_950 + i }, 40 + i);
  await createProduct(owner, { name: "Royco Mchuzi Mix Beef Flavour Sachet 75g Extra", price: 5_000 }, undefined);
  const customer = await owner.request.post("/api/v1/customers", {
    data: { name: "Bi. Wanjiku Nyambura Kamau-Odhiambo (Mama Mboga Gikomba)", phone: "0722 111 222" },
  });
  expect(customer.status(), await customer.text()).toBe(201);
  const customerId = ((await customer.json()) as { id: string }).id;
  const sell = async (data: Record<string, unknown>) => {
    const res = await owner.request.post("/api/v1/sales", { data: { id: randomUUID(), ...data } });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const lines = [
    { productId: big, quantity: 7 },
    { productId: flour, quantity: 1 },
  ];
  const saleId = await sell({ lines, payment: { method: "cash", amountTendered: 900_000_000 } });
  await sell({ lines, payment: { method: "credit" }, customerId });
  await sell({ lines: [{ productId: flour, quantity: 1 }], payment: { method: "mobile_money" } });
  const staffLogin = `juma-${randomBytes(4).toString("hex")}`;
  const staff = await owner.request.post("/api/v1/users", {
    data: { name: "Juma Otieno Mwangi wa Kariakor", login: staffLogin, password: PASSWORD, role: "staff" },
  });
  expect(staff.status(), await staff.text()).toBe(201);
  const staffId = ((await staff.json()) as { id: string }).id;
  const me = (await (await owner.request.get("/api/v1/me")).json()) as { business: { shopCode: string } };
  return { big, customerId, saleId, staffId, staffLogin, shopCode: me.business.shopCode };
}

/** Puts the big product in the till's cart, so the till and the payment sheet show real amounts. */
async function fillCart(page: Page) {
  await goTo(page, "/sell");
  await page.getByLabel(/./).first().waitFor();
  const search = page.locator("main input[type=search], main input").first();
  await search.fill("Brookside");
  await page.locator(".sell-result").first().click();
  await search.fill("");
}

describeBrowser("every main page fits 320, 360 and 412 px, in every language", () => {
  const e2e = useE2E();

  it("has no horizontal scroll and no money broken or cut, for the owner and for staff", async () => {
    const owner = await e2e.newPage();
    owner.setDefaultTimeout(20_000);
    await owner.goto("/");
    const shop = await seedShop(owner);
    const ownerPages = [
      "/",
      "/sell",
      "/sales",
      `/sales/${shop.saleId}`,
      `/sales/${shop.saleId}/receipt`,
      "/customers",
      `/customers/${shop.customerId}`,
      "/customers/new",
      "/stock",
      `/stock/${shop.big}`,
      `/stock/${shop.big}/receive`,
      `/stock/${shop.big}/transfer`,
      "/stock/new",
      "/stock/low",
      "/stock/counts",
      "/reports",
      "/reports#monthly",
      "/outbox",
      "/more",
      "/more/staff",
      `/more/staff/${shop.staffId}`,
      "/more/business",
      "/more/locations",
      "/more/backups",
      "/more/activity",
      "/more/import",
      "/more/password",
    ];
    const staff = await e2e.newPage();
    staff.setDefaultTimeout(20_000);
    await staff.goto("/");
    const signedIn = await staff.request.post("/api/v1/auth/login", {
      data: { login: shop.staffLogin, password: PASSWORD, shopCode: shop.shopCode },
    });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    const sold = await staff.request.post("/api/v1/sales", {
      data: { id: randomUUID(), lines: [{ productId: shop.big, quantity: 3 }], payment: { method: "cash" } },
    });
    expect(sold.status(), await sold.text()).toBe(201);
    const staffSale = ((await sold.json()) as { id: string }).id;
    const staffPages = ["/sell", "/", "/sales", `/sales/${staffSale}`, "/customers", "/stock", "/more"];

    const problems: string[] = [];
    for (const [who, page, paths] of [
      ["owner", owner, ownerPages],
      ["staff", staff, staffPages],
    ] as const) {
      for (const language of LANGUAGES) {
        await page.evaluate(`localStorage.setItem("duka.locale", "${language}")`);
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto("/");
        await settled(page);
        if (language === "en") await fillCart(page);
        for (const path of [...paths, "pay"]) {
          if (path === "pay") {
            await goTo(page, "/sell");
            await settled(page);
            await page.locator(".sell-charge").click();
          } else if (path === "/reports#monthly") {
            await goTo(page, "/reports");
            await settled(page);
            await page.locator("main .report-kinds button").nth(1).click();
          } else await goTo(page, path);
          await settled(page).catch((e: Error) => {
            throw new Error(`${who} ${language} ${path}: ${e.message}`);
          });
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 740 });
            const fit = await measure(page, `${language}-KE`, "KES");
            const where = `${who} ${language} ${width}px ${path}`;
            const before = problems.length;
            if (fit.scrollWidth > fit.innerWidth) problems.push(`${where}: ${fit.scrollWidth} px wide`);
            for (const m of fit.money) problems.push(`${where}: ${m}`);
            if (problems.length > before || (SHOOT_ALL && width === 360)) {
              const name = `${who}-${language}-${width}-${paths.indexOf(path as never)}`;
              await page.screenshot({ path: `${SHOTS}/duka-fit-${name}.png`, fullPage: true });
            }
          }
          await page.setViewportSize({ width: 360, height: 740 });
        }
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
