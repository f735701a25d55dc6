import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, SHOTS, signUpOwner } from "./helpers.js";

/** Gives the customer a debt through a sale on credit, as the till would. */
async function sellOnCredit(page: Page, customerId: string, price: number): Promise<void> {
  const product = await page.request.post("/api/v1/products", { data: { name: "Sugar 1 kg", price } });
  expect(product.ok(), await product.text()).toBe(true);
  const { id: productId } = (await product.json()) as { id: string };
  const locations = (await (await page.request.get("/api/v1/locations")).json()) as { items: { id: string }[] };
  const locationId = locations.items[0]?.id ?? "";
  await page.request.post("/api/v1/stock-movements", {
    data: { productId, locationId, kind: "receive", quantity: 10 },
  });
  const sale = await page.request.post("/api/v1/sales", {
    data: {
      id: randomUUID(),
      lines: [{ productId, quantity: 1 }],
      payment: { method: "credit" },
      customerId,
      locationId,
    },
  });
  expect(sale.status(), await sale.text()).toBe(201);
}

describeBrowser("customers and the credit book", () => {
  const e2e = useE2E();

  it("adds a customer, finds them by local phone, and records repayments against the statement", async () => {
    const page = await e2e.newPage();
    await signUpOwner(page, "Duka la Juma");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await heading(page, "Customers");
    await page.getByText("No customers yet.", { exact: false }).waitFor();
    await checkA11y(page);

    await page.getByRole("link", { name: "Add customer" }).click();
    await heading(page, "Add a customer");
    await page.getByLabel("Name", { exact: true }).fill("Amina Otieno");
    await page.getByLabel("Phone number").fill("0712 345 678");
    await page.getByLabel("Notes (optional)").fill("Buys for the school canteen");
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-customer-add.png`, fullPage: true });
    await page.getByRole("button", { name: "Save customer" }).click();
    await heading(page, "Amina Otieno");
    await page.getByText("+254712345678").waitFor();
    expect(await page.getByRole("link", { name: "Call" }).getAttribute("href")).toBe("tel:+254712345678");
    await page.getByText("Owes nothing").waitFor();
    const customerId = page.url().split("/").pop() ?? "";

    // The same phone typed another way is the same customer: refused, with a way to them.
    await page.goto("/customers/new");
    await page.getByLabel("Name", { exact: true }).fill("Amina O.");
    await page.getByLabel("Phone number").fill("+254 712 345678");
    await page.getByRole("button", { name: "Save customer" }).click();
    await page.getByText("Amina Otieno already has the phone number +254712345678.").waitFor();
    await checkA11y(page);
    await page.getByRole("link", { name: "Open Amina Otieno" }).click();
    await heading(page, "Amina Otieno");

    await page.getByRole("link", { name: "All customers" }).click();
    await heading(page, "Customers");
    await page.getByLabel("Find a customer").fill("0712345678");
    await page.getByRole("link", { name: /Amina Otieno/ }).waitFor();
    await page.getByLabel("Find a customer").fill("zzz");
    await page.getByText("No customer matches", { exact: false }).waitFor();
    await page.getByLabel("Find a customer").fill("amin");
    const row = page.getByRole("link", { name: /Amina Otieno/ });
    await row.waitFor();

    await sellOnCredit(page, customerId, 150_00);
    await page.reload();
    await heading(page, "Customers");
    await page.screenshot({ path: `${SHOTS}/duka-customers-list.png`, fullPage: true });
    await page.getByRole("button", { name: "Who owes" }).click();
    await page.getByText("Total owed by 1 customer", { exact: true }).waitFor();
    await page.getByRole("link", { name: /Amina Otieno/ }).waitFor();
    await checkA11y(page);
    await page.getByRole("button", { name: "All", exact: true }).click();
    await page.getByRole("link", { name: /Amina Otieno/ }).click();
    await heading(page, "Amina Otieno");
    await page.getByRole("heading", { name: "Purchase history" }).waitFor();

    const amount = page.getByLabel("Amount paid in KES");
    const record = page.getByRole("button", { name: "Record repayment" });
    await page.getByText("Owes KSh 150.00", { exact: false }).first().waitFor();
    await amount.fill("50");
    await record.click();
    await page.getByText("KSh 50.00 recorded. Owes KSh 100.00.", { exact: false }).waitFor();
    await page.getByText("Then: Owes KSh 100.00").waitFor();

    // Money beyond the debt is refused unless the owner keeps it as an advance.
    await amount.fill("1,000");
    await record.click();
    await page.getByRole("alert").getByText("Record the extra as an advance", { exact: false }).waitFor();
    await page.getByLabel("Record the extra as an advance").check();
    await record.click();
    const credit = "In credit KSh 900.00";
    await page.getByRole("status").getByText(credit, { exact: false }).waitFor();
    await page.getByText("Paid in advance").waitFor();
    await page.getByText(`Then: ${credit}`).waitFor();

    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-customer-page.png`, fullPage: true });

    // Without a share sheet (desktop Chromium) the statement goes by WhatsApp, SMS or copy.
    await page.getByRole("button", { name: "Share statement" }).click();
    const whatsapp = page.getByRole("link", { name: "Send by WhatsApp" });
    expect(await whatsapp.getAttribute("href")).toMatch(/^https:\/\/wa\.me\/254712345678\?text=.*Amina%20Otieno/);
    expect(await page.getByRole("link", { name: "Send by SMS" }).getAttribute("href")).toMatch(
      /^sms:\+254712345678\?body=/,
    );
  });
});
