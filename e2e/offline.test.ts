import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeBrowser, useE2E } from "./harness.js";
import { heading, signUpOwner } from "./helpers.js";

const STAFF_PASSWORD = "blue-kettle-sunrise-7";

interface Shop {
  owner: APIRequestContext;
  staffLogin: string;
  maize: string;
  sugar: string;
  wanjiku: string;
}

/** A shop with two products (one sold by weight), a customer and a staff member. */
async function shop(page: Page): Promise<Shop> {
  await page.goto("/");
  await signUpOwner(page, "Duka la Neema");
  const owner = page.request;
  const [main] = ((await (await owner.get("/api/v1/locations")).json()) as { items: { id: string }[] }).items;
  const product = async (data: Record<string, unknown>, quantity: number) => {
    const res = await owner.post("/api/v1/products", {
      data: { ...data, initialStock: [{ locationId: main?.id ?? "", quantity }] },
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const maize = await product({ name: "Maize flour 2 kg", price: 300_00 }, 10);
  const sugar = await product({ name: "Sugar", price: 150_00, unit: "kg" }, 20);
  const customer = await owner.post("/api/v1/customers", { data: { name: "Wanjiku Kamau", phone: "0722000111" } });
  const staffLogin = `staff-${randomBytes(4).toString("hex")}`;
  const staff = await owner.post("/api/v1/users", {
    data: { name: "Juma", login: staffLogin, password: STAFF_PASSWORD, role: "staff" },
  });
  expect(staff.status(), await staff.text()).toBe(201);
  return { owner, staffLogin, maize, sugar, wanjiku: ((await customer.json()) as { id: string }).id };
}

/** Signs staff in and waits until the phone holds what it needs offline: the app and the catalogue. */
async function signInReady(page: Page, login: string) {
  await page.goto("/");
  await page.getByLabel("Email, phone or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading(page, "New sale");
  await page.evaluate("navigator.serviceWorker.ready");
  // Once the service worker controls the page, the screens' files pass through it and are kept.
  await page.reload();
  await heading(page, "New sale");
  // Every screen's code is kept once the service worker is in charge, not only those visited.
  await expect
    .poll(
      () =>
        page.evaluate<boolean>(
          "caches.open('duka-shell-v1').then((c) => c.keys()).then((ks) => ks.some((k) => k.url.includes('/assets/More-')))",
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect
    .poll(() =>
      page.evaluate<boolean>(`new Promise((resolve) => {
        const open = indexedDB.open("duka");
        open.onsuccess = () => {
          const keys = open.result.transaction("cache").objectStore("cache").getAllKeys();
          keys.onsuccess = () => resolve(keys.result.some((k) => String(k).endsWith("|catalogue")));
        };
      })`),
    )
    .toBe(true);
}

async function add(page: Page, search: string, name: RegExp) {
  await page.getByLabel("Find a product").fill(search);
  await page.getByRole("button", { name }).click();
}

async function confirm(page: Page) {
  await page.getByRole("button", { name: /^Confirm/ }).click();
  await heading(page, /^Sale [A-Z0-9]+-\d+ kept on this phone$/);
  await page.getByRole("button", { name: "New sale" }).click();
  await heading(page, "New sale");
}

describeBrowser("selling with no network", () => {
  const e2e = useE2E();

  it("records five sales offline, keeps them across a closed page, and sends each once when back online", async () => {
    const setup = await e2e.newPage();
    const s = await shop(setup);
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await signInReady(page, s.staffLogin);
    const context = page.context();

    await context.setOffline(true);
    await page.reload();
    await heading(page, "New sale");

    // 1. Cash.
    await add(page, "maize", /Maize flour 2 kg/);
    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    await confirm(page);
    // 2. By weight.
    await add(page, "sugar", /Sugar/);
    await page.getByLabel("Quantity of Sugar (kg)").fill("1.5");
    await page.getByLabel("Quantity of Sugar (kg)").blur();
    await page.getByRole("button", { name: "Charge" }).click();
    await confirm(page);
    // 3. On credit to a known customer, found in the phone's copy.
    await add(page, "maize", /Maize flour 2 kg/);
    await page.getByRole("button", { name: "Charge" }).click();
    await page.getByRole("radio", { name: "On credit" }).check();
    await page.getByLabel("Customer (needed for credit)").fill("Wanjiku");
    await page.getByRole("button", { name: /Wanjiku Kamau/ }).click();
    await confirm(page);
    // 4. On credit to a customer added offline.
    await add(page, "maize", /Maize flour 2 kg/);
    await page.getByRole("button", { name: "Charge" }).click();
    await page.getByRole("radio", { name: "On credit" }).check();
    await page.getByLabel("Customer (needed for credit)").fill("Baraka");
    await page.getByRole("button", { name: "Add new customer" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Baraka Otieno");
    await page.getByLabel("Phone number").fill("0733 000 222");
    await page.getByRole("button", { name: "Add and choose" }).click();
    await page.getByText("Baraka Otieno").first().waitFor();
    await confirm(page);
    // 5. Mobile money.
    await add(page, "sugar", /Sugar/);
    await page.getByRole("button", { name: "Charge" }).click();
    await page.getByRole("radio", { name: "Mobile money" }).check();
    await confirm(page);
    // Five sales and the customer added offline.
    await page.getByText(/Not sent yet: 6/).waitFor();
    const soldBy = new Date().toISOString();

    // The page is closed and opened again, still offline: the queue is all there.
    await page.close();
    const again = await context.newPage();
    again.setDefaultTimeout(15_000);
    await again.goto("/");
    await heading(again, "New sale");
    await again.getByText(/Not sent yet: 6/).waitFor();

    await context.setOffline(false);
    await again.getByText(/Not sent yet/).waitFor({ state: "detached", timeout: 10_000 });

    const sales = (
      (await (await s.owner.get("/api/v1/sales")).json()) as {
        items: { id: string; provisional: string | null; occurredAt: string; total: number; paymentMethod: string }[];
      }
    ).items;
    expect(sales).toHaveLength(5);
    expect(new Set(sales.map((x) => x.id)).size).toBe(5);
    expect(sales.every((x) => x.provisional && /^[A-Z0-9]+-[1-5]$/.test(x.provisional))).toBe(true);
    expect(sales.every((x) => x.occurredAt <= soldBy)).toBe(true);
    expect(sales.map((x) => x.paymentMethod).sort()).toEqual(["cash", "cash", "credit", "credit", "mobile_money"]);
    const stock = async (id: string) =>
      ((await (await s.owner.get(`/api/v1/products/${id}`)).json()) as { stock: number }).stock;
    expect(await stock(s.maize)).toBe(7);
    expect(await stock(s.sugar)).toBe(17.5);
    const wanjiku = (await (await s.owner.get(`/api/v1/customers/${s.wanjiku}`)).json()) as { balance: number };
    expect(wanjiku.balance).toBe(300_00);
    const baraka = (
      (await (await s.owner.get("/api/v1/customers?q=Baraka")).json()) as {
        items: { balance: number }[];
      }
    ).items;
    expect(baraka.map((c) => c.balance)).toEqual([300_00]);
    const day = sales[0]?.occurredAt.slice(0, 10) ?? "";
    const report = (await (await s.owner.get(`/api/v1/reports/daily?from=${day}&to=${day}`)).json()) as {
      totals: { salesCount: number; netSales: number };
    };
    expect(report.totals).toMatchObject({ salesCount: 5, netSales: 3 * 300_00 + 2.5 * 150_00 });
  }, 240_000);

  it("puts a sale the server refuses in needs attention with its content: sent again once fixed, or discarded", async () => {
    const setup = await e2e.newPage();
    const s = await shop(setup);
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await signInReady(page, s.staffLogin);
    await page.context().setOffline(true);
    for (const search of ["maize", "sugar"]) {
      await add(page, search, search === "maize" ? /Maize flour 2 kg/ : /Sugar/);
      await page.getByRole("button", { name: "Charge" }).click();
      await confirm(page);
    }
    // Meanwhile the owner stops selling both products.
    for (const id of [s.maize, s.sugar]) {
      const res = await s.owner.patch(`/api/v1/products/${id}`, { data: { archived: true } });
      expect(res.status(), await res.text()).toBe(200);
    }
    await page.context().setOffline(false);
    await page.getByText("Needs attention: 2").waitFor();
    await page.getByText("Needs attention: 2").click();
    await heading(page, "Not sent yet");
    const refused = page.getByRole("listitem").filter({ hasText: "no longer sold" });
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(2);

    // The owner brings the maize back: sent again, it is recorded.
    await s.owner.patch(`/api/v1/products/${s.maize}`, { data: { archived: false } });
    await page.getByRole("listitem").filter({ hasText: "300.00" }).getByRole("button", { name: "Send again" }).click();
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(1);
    // The sugar sale is discarded, with a reason.
    await refused.getByRole("button", { name: "Discard…" }).click();
    await page.getByLabel(/Why discard it/).fill("Customer returned it");
    await page.getByRole("button", { name: "Discard for good" }).click();
    await page.getByRole("heading", { name: "Needs attention" }).waitFor({ state: "detached" });

    const sales = ((await (await s.owner.get("/api/v1/sales")).json()) as { items: unknown[] }).items;
    expect(sales).toHaveLength(1);
    const audit = (
      (await (await s.owner.get("/api/v1/audit")).json()) as {
        items: { action: string; details: { reason?: string } }[];
      }
    ).items;
    expect(audit.find((a) => a.action === "sync.discarded")?.details.reason).toBe("Customer returned it");
  }, 240_000);

  it("sends two tabs' sales once each, takes stock below zero, and keeps the queue across sign-out and expiry", async () => {
    const setup = await e2e.newPage();
    const s = await shop(setup);
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await signInReady(page, s.staffLogin);
    const context = page.context();
    const second = await context.newPage();
    second.setDefaultTimeout(15_000);
    await second.goto("/sell");
    await heading(second, "New sale");

    await context.setOffline(true);
    // Eleven bags sold from ten on record: the goods have left, so the sale stands.
    for (const tab of [page, second]) {
      await add(tab, "maize", /Maize flour 2 kg/);
      if (tab === second) await tab.getByLabel(/Quantity of Maize flour 2 kg/).fill("10");
      await tab.getByLabel(/Quantity of Maize flour 2 kg/).blur();
      await tab.getByRole("button", { name: "Charge" }).click();
      await confirm(tab);
    }
    await page.getByText(/Not sent yet: 2/).waitFor();

    // Signing out would strand them: refused, with a way to send now.
    await page.getByRole("banner").getByRole("link", { name: "More" }).click();
    await page.getByText(/2 not sent yet/).waitFor();
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);

    // The session ends meanwhile: the queue waits, and goes once the same person signs in again.
    await context.clearCookies();
    await context.setOffline(false);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(((await (await s.owner.get("/api/v1/sales")).json()) as { items: unknown[] }).items).toHaveLength(0);
    await page.getByLabel("Email, phone or username").fill(s.staffLogin);
    await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading(page, "More");
    await expect
      .poll(async () => ((await (await s.owner.get("/api/v1/sales")).json()) as { items: unknown[] }).items.length, {
        timeout: 10_000,
      })
      .toBe(2);
    const maize = (await (await s.owner.get(`/api/v1/products/${s.maize}`)).json()) as { stock: number };
    expect(maize.stock).toBe(-1);
  }, 240_000);
});
