import { expect, it } from "vitest";
import { describeBrowser, useE2E } from "./harness.js";
import { heading } from "./helpers.js";
import { add, confirm, outboxCount, STAFF_PASSWORD, shop, signInReady } from "./offline-shop.js";

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

    // The till shows the stock where it sells (the first location: 10), not the total of both (60).
    const maizeResult = page.getByRole("button", { name: /Maize flour 2 kg/ });
    await page.getByLabel("Find a product").fill("maize");
    await expect.poll(() => maizeResult.innerText()).toMatch(/\b10\b.*in stock/);
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
    // 3. On credit to a known customer, found in the phone's copy: two bags.
    await add(page, "maize", /Maize flour 2 kg/);
    await page.getByLabel(/Quantity of Maize flour 2 kg/).fill("2");
    await page.getByLabel(/Quantity of Maize flour 2 kg/).blur();
    await page.getByRole("button", { name: "Charge" }).click();
    await page.getByRole("radio", { name: "On credit" }).check();
    await page.getByLabel("Customer (needed for credit)").fill("Wanjiku");
    await page.getByRole("button", { name: /Wanjiku Kamau/ }).click();
    // 600.00 takes her past her limit of 500.00: the till warns, and keeps the sale.
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await heading(page, /^Sale [A-Z0-9]+-\d+ kept on this phone$/);
    await page.getByText(/past their credit limit of \D*500\.00: they now owe \D*600\.00/).waitFor();
    await page.getByRole("button", { name: "New sale" }).click();
    await heading(page, "New sale");
    // The stock shown went down with the sales kept on the phone: 10 − 1 − 2.
    await page.getByLabel("Find a product").fill("maize");
    await expect.poll(() => maizeResult.innerText()).toMatch(/\b7\b.*in stock/);
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
    // Five sales, and the customer added offline named apart: listed, not counted as a sale.
    await page.getByText(/Not sent yet: 5 sales, 1 new customer · oldest/).waitFor();
    const soldBy = new Date().toISOString();

    // The page is closed and opened again, still offline: the queue is all there.
    await page.close();
    const again = await context.newPage();
    again.setDefaultTimeout(15_000);
    await again.goto("/");
    await heading(again, "New sale");
    await again.getByText(/Not sent yet: 5 sales, 1 new customer/).click();
    await heading(again, "Not sent yet");
    await again.getByText("New customer: Baraka Otieno").waitFor();
    expect(await again.getByRole("list", { name: "Not sent yet" }).getByRole("listitem").count()).toBe(6);

    await context.setOffline(false);
    await again.getByRole("link", { name: /Not sent yet/ }).waitFor({ state: "detached", timeout: 10_000 });

    const sales = (
      (await (await s.owner.get("/api/v1/sales")).json()) as {
        items: {
          id: string;
          provisional: string | null;
          occurredAt: string;
          total: number;
          paymentMethod: string;
          overLimit: boolean;
          businessDate: string;
        }[];
      }
    ).items;
    expect(sales).toHaveLength(5);
    expect(new Set(sales.map((x) => x.id)).size).toBe(5);
    expect(sales.every((x) => x.provisional && /^[A-Z0-9]+-[1-5]$/.test(x.provisional))).toBe(true);
    expect(sales.every((x) => x.occurredAt <= soldBy)).toBe(true);
    expect(sales.map((x) => x.paymentMethod).sort()).toEqual(["cash", "cash", "credit", "credit", "mobile_money"]);
    // The sale past Wanjiku's limit was accepted and is flagged for the owner.
    expect(sales.filter((x) => x.overLimit).map((x) => x.total)).toEqual([600_00]);
    // Stock came off where the phone sold: the first location; the branch keeps its 50.
    const stockAt = async (q: string, locationId: string) =>
      (
        (await (await s.owner.get(`/api/v1/products?q=${q}&locationId=${locationId}`)).json()) as {
          items: { stock: number }[];
        }
      ).items[0]?.stock;
    expect(await stockAt("maize", s.main)).toBe(6);
    expect(await stockAt("sugar", s.main)).toBe(17.5);
    const wanjiku = (await (await s.owner.get(`/api/v1/customers/${s.wanjiku}`)).json()) as { balance: number };
    expect(wanjiku.balance).toBe(600_00);
    const baraka = (
      (await (await s.owner.get("/api/v1/customers?q=Otieno")).json()) as {
        items: { balance: number }[];
      }
    ).items;
    expect(baraka.map((c) => c.balance)).toEqual([300_00]);
    const day = sales[0]?.businessDate ?? "";
    const report = (await (await s.owner.get(`/api/v1/reports/daily?from=${day}&to=${day}`)).json()) as {
      totals: { salesCount: number; netSales: number };
    };
    expect(report.totals).toMatchObject({ salesCount: 5, netSales: 4 * 300_00 + 2.5 * 150_00 });
  }, 240_000);

  it("keeps a sale the server refuses in needs attention: changed and sent again, sent again as it was, or discarded", async () => {
    const setup = await e2e.newPage();
    const s = await shop(setup);
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await signInReady(page, s.staffLogin);
    await page.context().setOffline(true);
    // A: maize and sugar on credit to Wanjiku. B: one kilo of sugar. C: two kilos of sugar.
    await add(page, "maize", /Maize flour 2 kg/);
    await add(page, "sugar", /Sugar/);
    await page.getByRole("button", { name: "Charge" }).click();
    await page.getByRole("radio", { name: "On credit" }).check();
    await page.getByLabel("Customer (needed for credit)").fill("Wanjiku");
    await page.getByRole("button", { name: /Wanjiku Kamau/ }).click();
    await confirm(page);
    for (const kilos of ["1", "2"]) {
      await add(page, "sugar", /Sugar/);
      await page.getByLabel("Quantity of Sugar (kg)").fill(kilos);
      await page.getByLabel("Quantity of Sugar (kg)").blur();
      await page.getByRole("button", { name: "Charge" }).click();
      await confirm(page);
    }
    // Meanwhile the owner stops selling sugar.
    const archived = await s.owner.patch(`/api/v1/products/${s.sugar}`, { data: { archived: true } });
    expect(archived.status(), await archived.text()).toBe(200);
    await page.context().setOffline(false);
    await page.getByText("Needs attention: 3").click();
    await heading(page, "Not sent yet");
    const refused = page.getByRole("listitem").filter({ hasText: "no longer sold" });
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(3);

    // A is changed: the sugar taken off, two bags of maize, and Baraka pays later instead of Wanjiku.
    const a = refused.filter({ hasText: "Wanjiku Kamau" });
    await a.getByText(/Maize flour 2 kg 1 × /).waitFor();
    await a.getByRole("button", { name: "Change and send again…" }).click();
    await a.getByRole("button", { name: "Remove Sugar" }).click();
    await a.getByRole("button", { name: "One more Maize flour 2 kg" }).click();
    await a.getByText(/New total: \D*600\.00/).waitFor();
    await a.getByRole("button", { name: "Change", exact: true }).click();
    await a.getByLabel("Customer (needed for credit)").fill("Baraka");
    await a.getByRole("button", { name: /Baraka Mwangi/ }).click();
    await a.getByRole("button", { name: "Send the changed sale" }).click();
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(2);

    // C is sent again as it was, once the owner brings the sugar back.
    await s.owner.patch(`/api/v1/products/${s.sugar}`, { data: { archived: false } });
    await refused
      .filter({ hasText: /Sugar 2 × / })
      .getByRole("button", { name: "Send again", exact: true })
      .click();
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(1);
    // B is discarded, with a reason.
    await refused.getByRole("button", { name: "Discard…" }).click();
    await page.getByLabel(/Why discard it/).fill("Customer returned it");
    await page.getByRole("button", { name: "Discard for good" }).click();
    await page.getByRole("heading", { name: "Needs attention" }).waitFor({ state: "detached" });

    // The server holds A as changed and C, each once; B is in the activity log with its reason.
    const sales = (
      (await (await s.owner.get("/api/v1/sales")).json()) as {
        items: { id: string; total: number; customerId: string | null; provisional: string }[];
      }
    ).items;
    expect(sales.map((x) => x.total).sort()).toEqual([300_00, 600_00]);
    const changed = sales.find((x) => x.total === 600_00);
    expect(changed?.customerId).toBe(s.baraka);
    const detail = (await (await s.owner.get(`/api/v1/sales/${changed?.id}`)).json()) as {
      lines: { productId: string; quantity: number }[];
    };
    expect(detail.lines.map((l) => [l.productId, l.quantity])).toEqual([[s.maize, 2]]);
    const balance = async (id: string) =>
      ((await (await s.owner.get(`/api/v1/customers/${id}`)).json()) as { balance: number }).balance;
    expect([await balance(s.baraka), await balance(s.wanjiku)]).toEqual([600_00, 0]);
    const audit = (
      (await (await s.owner.get("/api/v1/audit")).json()) as {
        items: { action: string; details: { reason?: string } }[];
      }
    ).items;
    expect(audit.filter((x) => x.action === "sync.discarded").map((x) => x.details.reason)).toEqual([
      "Customer returned it",
    ]);
    const open = (await (await s.owner.get("/api/v1/sync/attention")).json()) as { items: unknown[] };
    expect(open.items).toEqual([]);
    expect(await outboxCount(page)).toBe(0);
  }, 300_000);

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
    await page.getByText(/Not sent yet: 2 sales/).waitFor();

    // Signing out would strand them: refused, saying why, with a way to send now.
    await page.getByRole("banner").getByRole("link", { name: "More" }).click();
    await page.getByText(/Not sent yet: 2 sales\. They are yours/).waitFor();
    await page.getByRole("button", { name: "Send now" }).waitFor();
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);

    // The session ends meanwhile (the server no longer knows this phone's cookie): the queue waits.
    await context.clearCookies();
    await context.setOffline(false);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    const salesCount = async () =>
      ((await (await s.owner.get("/api/v1/sales")).json()) as { items: unknown[] }).items.length;
    expect(await salesCount()).toBe(0);
    // Someone else signing in on this phone neither sees nor sends them, and may sign out.
    const other = `staff-${Date.now().toString(36)}`;
    const made = await s.owner.post("/api/v1/users", {
      data: { name: "Neema", login: other, password: STAFF_PASSWORD, role: "staff" },
    });
    expect(made.status(), await made.text()).toBe(201);
    await page.getByLabel("Email, phone or username").fill(other);
    await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading(page, "More");
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.waitForTimeout(3000);
    expect(await page.getByText(/Not sent yet/).count()).toBe(0);
    expect(await salesCount()).toBe(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    // The same person signs in again: the queue goes.
    await page.getByLabel("Email, phone or username").fill(s.staffLogin);
    await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading(page, /More|New sale/);
    await expect.poll(salesCount, { timeout: 15_000 }).toBe(2);
    const maize = (await (await s.owner.get(`/api/v1/products?q=maize&locationId=${s.main}`)).json()) as {
      items: { stock: number }[];
    };
    expect(maize.items[0]?.stock).toBe(-1);
    // And it is on the owner's list of stock to check.
    const check = (await (await s.owner.get("/api/v1/stock/attention")).json()) as {
      belowZero: { productId: string }[];
    };
    expect(check.belowZero.map((x) => x.productId)).toContain(s.maize);
  }, 240_000);
});
