import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, PASSWORD, SHOTS, signUpOwner } from "./helpers.js";

async function visit(page: Page, name: string | RegExp) {
  await heading(page, name);
  await checkA11y(page);
  expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
}

describeBrowser("closing the day, as staff and in French", () => {
  const e2e = useE2E();

  it("staff close their own drawer one tap from the till, count again, and the owner reads it in French", async () => {
    const owner = await e2e.newPage();
    owner.setDefaultTimeout(15_000);
    await signUpOwner(owner, "Duka la Neema");
    const tea = await createProduct(owner, { name: "Tea leaves", price: 25000 }, 20);
    const login = `juma-${randomBytes(4).toString("hex")}`;
    const made = await owner.request.post("/api/v1/users", {
      data: { name: "Juma Otieno", login, password: PASSWORD, role: "staff" },
    });
    expect(made.status(), await made.text()).toBe(201);

    const staff = await e2e.newPage();
    staff.setDefaultTimeout(15_000);
    await staff.goto("/");
    await staff.getByLabel("Email, phone or username").fill(login);
    await staff.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await staff.getByRole("button", { name: "Sign in" }).click();
    await heading(staff, "New sale");
    const sale = await staff.request.post("/api/v1/sales", {
      data: { id: crypto.randomUUID(), lines: [{ productId: tea, quantity: 2 }], payment: { method: "cash" } },
    });
    expect(sale.status(), await sale.text()).toBe(201);

    // One tap from the till.
    await staff.getByRole("link", { name: "Close the day" }).click();
    await visit(staff, "Close the day");
    await staff
      .getByRole("region", { name: "Cash this drawer should hold" })
      .getByText(/500\.00/)
      .first()
      .waitFor();
    // Staff count only their own drawer: no choice of person or place.
    expect(await staff.getByLabel("Whose drawer").count()).toBe(0);
    await staff.getByLabel(/^Cash you counted now/).fill("480");
    await staff.getByText(/20\.00 short/).waitFor();
    await staff.getByRole("button", { name: "Save the count" }).click();
    await staff
      .getByRole("status")
      .getByText(/^Drawer closed\./)
      .waitFor();
    await checkA11y(staff);
    await staff.screenshot({ path: `${SHOTS}/duka-close-staff.png`, fullPage: true });

    // The twenty was under the tray: a recount replaces the count, and says so.
    await staff.getByRole("button", { name: "Count again" }).click();
    await staff.getByText("A new count replaces this one. Both are kept in the activity log.").waitFor();
    await staff.getByLabel(/^Cash you counted now/).fill("500");
    await staff.getByText("Exactly as expected").waitFor();
    await staff.getByRole("button", { name: "Save the new count" }).click();
    await staff
      .getByRole("status")
      .getByText(/^Drawer closed\. .*Exactly as expected\.$/)
      .waitFor();
    await staff.getByText("Counted 1 time before").waitFor();
    await checkA11y(staff);

    // The owner, in French, sees Juma's close and shares the day.
    await owner.goto("/");
    await owner.evaluate(`localStorage.setItem("duka.locale", "fr")`);
    await owner.goto("/close");
    await visit(owner, "Fermer la journée");
    await owner.getByLabel("Caisse de", { exact: true }).selectOption({ label: "Juma Otieno" });
    await owner.getByText(/Comptée à .* par Juma Otieno/).waitFor();
    // The screen speaks the owner's language; the text to share speaks the shop's (English here).
    const share = owner.getByRole("region", { name: "La journée en quelques lignes" });
    await share.getByText(/Sales: KES\s500\.00 \(1 sale\)/).waitFor();
    await checkA11y(owner);
    await owner.screenshot({ path: `${SHOTS}/duka-close-owner-fr.png`, fullPage: true });
    await owner.goto("/");
    await heading(owner, /Amina Wanjiru/);
    const today = owner.getByRole("region", { name: "Fermetures de caisse du jour" });
    await today.getByText("Juma Otieno à Main street").waitFor();
    await today.getByText("Exactement comme prévu").waitFor();
    await checkA11y(owner);
  }, 180_000);
});
