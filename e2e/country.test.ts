import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, PASSWORD } from "./helpers.js";

describeBrowser("the shop's country", () => {
  const e2e = useE2E();

  it("proposes the country from the phone, its currency and time zone, and reads local phone numbers", async () => {
    const page = await e2e.newPage();
    await page.goto("/signup");
    await heading(page, "Create your business");
    // The phone is in Nairobi: Kenya, shillings, Nairobi's clock.
    const country = page.getByLabel("Country");
    expect(await country.inputValue()).toBe("KE");
    expect(await page.getByLabel("Currency").inputValue()).toBe("KES");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Africa/Nairobi");
    expect(await page.getByLabel("Time zone").evaluate((e) => e.tagName)).toBe("SELECT");

    await country.selectOption({ label: "Uganda" });
    expect(await page.getByLabel("Currency").inputValue()).toBe("UGX");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Africa/Kampala");
    await country.selectOption({ label: "Kenya" });
    expect(await page.getByLabel("Currency").inputValue()).toBe("KES");
    await checkA11y(page);

    await page.getByLabel("Business name").fill("Duka la Baraka");
    await page.getByLabel("Shop or branch name").fill("Main street");
    await page.getByLabel("Your name").fill("Baraka Otieno");
    await page.getByLabel("Email, phone or username").fill(`baraka-${randomBytes(4).toString("hex")}`);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create business" }).click();
    await heading(page, "Write down your recovery code");
    await page.getByRole("button", { name: "I have written it down" }).click();
    await heading(page, "Hello, Baraka Otieno");

    // A number typed the local way is accepted straight away.
    await page.goto("/customers/new");
    await page.getByLabel("Name", { exact: true }).fill("Mama Njeri");
    await page.getByLabel(/Phone/).fill("0722 111 222");
    await page.getByRole("button", { name: /Save|Add customer/ }).click();
    await heading(page, "Mama Njeri");
    const customers = await (await page.request.get("/api/v1/customers?q=Njeri")).json();
    expect(customers.items[0].phone).toBe("+254722111222");

    await page.goto("/more/business");
    await heading(page, "Business settings");
    // The form renders from the cached business, then again from the fresh answer: ask afresh each time.
    await expect
      .poll(
        () =>
          page
            .getByLabel("Country")
            .inputValue({ timeout: 2000 })
            .catch(() => ""),
        { timeout: 30_000 },
      )
      .toBe("KE");
    expect(await page.getByLabel("Time zone").evaluate((e) => e.tagName)).toBe("SELECT");
    await checkA11y(page);
  });
});
