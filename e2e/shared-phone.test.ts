import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeBrowser, useE2E } from "./harness.js";
import { heading, signUpOwner } from "./helpers.js";

const STAFF_PASSWORD = "blue-kettle-sunrise-7";

/**
 * A business with its own payment-method name, a second branch and one staff member; returns the
 * staff member's login.
 */
async function business(page: Page, name: string, methodLabel: string, branch: string): Promise<string> {
  await page.goto("/");
  await signUpOwner(page, name);
  const api: APIRequestContext = page.request;
  const settings = await api.patch("/api/v1/business", {
    data: { settings: { paymentMethods: [{ method: "cash" }, { method: "mobile_money", label: methodLabel }] } },
  });
  expect(settings.status(), await settings.text()).toBe(200);
  const location = await api.post("/api/v1/locations", { data: { name: branch } });
  expect(location.status(), await location.text()).toBe(201);
  const [main] = ((await (await api.get("/api/v1/locations")).json()) as { items: { id: string }[] }).items;
  const product = await api.post("/api/v1/products", {
    data: { name: `${name} soap`, price: 50_00, initialStock: [{ locationId: main?.id ?? "", quantity: 5 }] },
  });
  expect(product.status(), await product.text()).toBe(201);
  const login = `staff-${randomBytes(4).toString("hex")}`;
  const staff = await api.post("/api/v1/users", {
    data: { name: `${name} staff`, login, password: STAFF_PASSWORD, role: "staff" },
  });
  expect(staff.status(), await staff.text()).toBe(201);
  return login;
}

async function signIn(page: Page, login: string) {
  await page.getByLabel("Email, phone or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading(page, "New sale");
}

/** What a staff member sees of the business on the till's payment sheet and the stock screen. */
async function visibleBusiness(page: Page, product: string, branch: string): Promise<string> {
  await page.getByLabel("Find a product").fill("soap");
  await page.getByRole("button", { name: new RegExp(product) }).click();
  await page.getByRole("button", { name: "Charge" }).click();
  await heading(page, "Payment");
  await page.getByRole("radio", { name: "Cash" }).waitFor();
  const payment = await page.locator("main").innerText();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stock" }).click();
  await heading(page, "Stock");
  await page.locator("option", { hasText: branch }).waitFor({ state: "attached" });
  const stock = await page.locator("main").innerText();
  const options = await page.getByRole("option").allInnerTexts();
  return [payment, stock, ...options].join("\n");
}

describeBrowser("a shared shop phone", () => {
  const e2e = useE2E();

  it("shows nothing of the business signed out before to staff of another business", async () => {
    const a = await business(await e2e.newPage(), "Duka A", "Amina-Pesa", "Kisumu branch");
    const b = await business(await e2e.newPage(), "Duka B", "Baraka-Money", "Mombasa branch");

    const phone = await e2e.newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto("/");
    await signIn(phone, a);
    const seenA = await visibleBusiness(phone, "Duka A soap", "Kisumu branch");
    expect(seenA).toContain("Amina-Pesa");
    expect(seenA).toContain("Kisumu branch");
    // A search typed on the stock list is kept between visits, not past a sign-out.
    await phone.getByLabel("Search products").fill("Duka A");
    await phone.waitForTimeout(600);

    await phone.getByRole("banner").getByRole("link", { name: "More" }).click();
    await phone.getByRole("button", { name: "Sign out" }).click();
    await phone.getByRole("button", { name: "Sign in" }).waitFor();

    await signIn(phone, b);
    const seenB = await visibleBusiness(phone, "Duka B soap", "Mombasa branch");
    expect(seenB).toContain("Baraka-Money");
    expect(seenB).toContain("Mombasa branch");
    for (const word of ["Amina-Pesa", "Kisumu branch", "Duka A"]) expect(seenB).not.toContain(word);
    expect(await phone.getByLabel("Search products").inputValue()).toBe("");

    // Nothing of business A stays saved on the phone either.
    const saved = await phone.evaluate<string>(`new Promise((resolve, reject) => {
      const open = indexedDB.open("duka");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const read = open.result.transaction("cache").objectStore("cache").getAll();
        read.onsuccess = () => resolve(JSON.stringify(read.result));
      };
    })`);
    expect(saved).not.toContain("Amina-Pesa");
    expect(saved).not.toContain("Kisumu branch");
  });
});
