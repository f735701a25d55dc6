import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, PASSWORD } from "./helpers.js";

/** A heading, then an accessibility check: every page the walk-through visits is checked. */
async function visit(page: Page, name: string | RegExp) {
  await heading(page, name);
  await checkA11y(page);
}

async function sell(page: Page, name: string, extra = 0) {
  const again = page.getByRole("button", { name: "New sale" });
  if (await again.count()) await again.click();
  else await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sell" }).click();
  await visit(page, "New sale");
  await page.getByLabel("Find a product").fill(name);
  await page
    .getByRole("button", { name: new RegExp(name) })
    .first()
    .click();
  for (let i = 0; i < extra; i++) await page.getByRole("button", { name: `One more ${name}` }).click();
  await page.getByRole("button", { name: "Charge" }).click();
  await visit(page, "Payment");
  await page.getByRole("button", { name: /^Confirm/ }).click();
  await visit(page, /^Sale #\d+ recorded$/);
}

describeBrowser("a shop's first day, at 360 px", () => {
  const e2e = useE2E();

  it("signs up, adds products without stock, sells them, adds a branch, and closes the day", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto("/signup");
    await visit(page, "Create your business");
    await page.getByLabel("Business name").fill("Duka la Zawadi");
    await page.getByLabel("Shop or branch name").fill("Main street");
    await page.getByLabel("Your name").fill("Zawadi Achieng");
    await page.getByLabel("Email, phone or username").fill(`zawadi-${randomBytes(4).toString("hex")}`);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create business" }).click();
    // The owner's way back in, shown once before the shop opens.
    await visit(page, "Write down your recovery code");
    await page.getByRole("button", { name: "I have written it down" }).click();
    await visit(page, "Hello, Zawadi Achieng");

    // Two products straight from the notebook: nobody has counted them yet.
    for (const [name, price] of [
      ["Chapati", "30"],
      ["Chai", "20"],
    ]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stock" }).click();
      await visit(page, "Stock");
      await page.getByRole("link", { name: "Add product" }).click();
      await visit(page, "Add product");
      await page.getByLabel("Product name").fill(name as string);
      await page.getByLabel("Selling price (KES)").fill(price as string);
      await page.getByRole("button", { name: "Save product" }).click();
      await visit(page, name as string);
    }

    await sell(page, "Chapati", 2);
    await sell(page, "Chai");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stock" }).click();
    await visit(page, "Stock");
    const attention = page.getByRole("region", { name: "Needs your attention" });
    await attention.getByRole("list", { name: "Count me: not counted yet (2)" }).waitFor();
    await attention.getByRole("list", { name: "Below zero (2)" }).getByText("-3 pcs at Main street").waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sales" }).click();
    await visit(page, "Sales");
    await page.getByRole("link", { name: /Sale #2/ }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await visit(page, "Reports");
    await page.getByRole("button", { name: "Monthly" }).click();
    await page.getByRole("table", { name: "By month" }).waitFor();
    await checkA11y(page);

    await page.getByRole("banner").getByRole("link", { name: "More" }).click();
    await visit(page, "More");
    await page.getByRole("link", { name: /^Locations/ }).click();
    await visit(page, "Locations");
    await page.getByLabel("Name", { exact: true }).fill("Market stall");
    await page.getByRole("button", { name: "Add a location" }).click();
    await page.getByText("Market stall was added.").waitFor();
    await checkA11y(page);

    // The branch carries nothing yet: the dashboard's stock status is unchanged by it.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await visit(page, "Hello, Zawadi Achieng");
    await page.getByText("0 in stock, 0 low, 0 out, 2 not counted").waitFor();
    const wide = await page.evaluate<number>("document.documentElement.scrollWidth");
    expect(wide).toBeLessThanOrEqual(360);

    // Closing: three chapati and a chai in cash (110), a float of 50, and 150 counted: 10 short.
    await page.getByRole("link", { name: "Close the day" }).click();
    await visit(page, "Close the day");
    const expected = page.getByRole("region", { name: "Cash this drawer should hold" });
    await expected
      .getByText(/110\.00/)
      .first()
      .waitFor();
    await page.getByLabel(/^Cash in the drawer when the day started/).fill("50");
    await page.getByText(/Expected in the drawer: .*160\.00/).waitFor();
    await page.getByLabel(/^Cash you counted now/).fill("150");
    await page.getByText(/10\.00 short/).waitFor();
    await page.getByRole("button", { name: "Save the count" }).click();
    await page
      .getByRole("status")
      .getByText(/^Drawer closed\. You counted .*150\.00: .*10\.00 short\.$/)
      .waitFor();
    const share = page.getByRole("region", { name: "The day in a few lines" });
    await share.getByText(/Cash counted: KES\s150\.00 \(difference -KES\s10\.00\)/).waitFor();
    const whatsapp = await share.getByRole("link", { name: "Send on WhatsApp" }).getAttribute("href");
    expect(decodeURIComponent(whatsapp ?? "")).toMatch(/Cash: KES\s110\.00/);
    await checkA11y(page);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);

    // The owner sees the close and its difference on the dashboard and in the reports.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await visit(page, "Hello, Zawadi Achieng");
    const today = page.getByRole("region", { name: "Drawer closes today" });
    await today.getByText(/10\.00 short/).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await visit(page, "Reports");
    const closes = page.getByRole("region", { name: "Drawer closes" });
    await closes.getByText("Zawadi Achieng at Main street", { exact: false }).waitFor();
    await closes.getByText(/10\.00 short/).waitFor();
    await checkA11y(page);
    const list = await closes.evaluate((el) => el.getBoundingClientRect().right);
    expect(list).toBeLessThanOrEqual(360);
  }, 240_000);
});
