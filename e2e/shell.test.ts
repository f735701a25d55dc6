import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";

const SHOTS = process.env.E2E_SCREENSHOTS ?? "/tmp";
const PASSWORD = "tall-mango-river-42";

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

async function fillSignUp(page: Page, login: string) {
  await page.getByLabel("Business name").fill("Mama Amina Shop");
  await page.getByLabel("Shop or branch name").fill("Main street");
  await page.getByLabel("Address (optional)").fill("Moi Avenue, by the bus stage");
  await page.getByLabel("Your name").fill("Amina Wanjiru");
  await page.getByLabel("Email, phone or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
}

describeBrowser("the app shell", () => {
  const e2e = useE2E();
  const login = `amina-${randomBytes(4).toString("hex")}`;

  it("signs up a business, stays signed in across a reload, signs out and in again", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await heading(page, "Sign in");
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-signin.png`, fullPage: true });

    await page.getByRole("link", { name: "Create a business account" }).click();
    await heading(page, "Create your business");
    expect(await page.getByLabel("Currency").inputValue()).toBe("KES");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Africa/Nairobi");
    await fillSignUp(page, login);
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-signup.png`, fullPage: true });
    await page.getByRole("button", { name: "Create business" }).click();
    // The owner's way back in if the password is forgotten, shown once before the shop opens.
    await heading(page, "Write down your recovery code");
    await checkA11y(page);
    await page.getByRole("button", { name: "I have written it down" }).click();

    await heading(page, "Hello, Amina Wanjiru");
    await page.getByText("You are signed in as owner of Mama Amina Shop.").waitFor();
    const locations = await (await page.request.get("/api/v1/locations")).json();
    expect(locations.items[0]).toMatchObject({ name: "Main street", address: "Moi Avenue, by the bus stage" });
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-home.png`, fullPage: true });

    await page.reload();
    await heading(page, "Hello, Amina Wanjiru");

    await page.getByRole("banner").getByRole("link", { name: "More" }).click();
    await heading(page, "More");
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-more.png`, fullPage: true });
    await page.getByRole("button", { name: "Sign out" }).click();
    await heading(page, "Sign in");
    await page.getByText("You have signed out.").waitFor();

    await page.getByLabel("Email, phone or username").fill(login.toUpperCase());
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading(page, "Hello, Amina Wanjiru");
  });

  it("shows the server's field errors next to the field", async () => {
    const page = await e2e.newPage();
    await page.goto("/signup");
    await heading(page, "Create your business");
    await fillSignUp(page, login); // taken by the test above
    await page.getByRole("button", { name: "Create business" }).click();
    await page.getByText("Email, phone or username is already used.").waitFor();
    await expect.poll(() => page.getByLabel("Email, phone or username").getAttribute("aria-invalid")).toBe("true");
    await checkA11y(page);
  });

  it("refuses a wrong password with a clear message", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await page.getByLabel("Email, phone or username").fill(login);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("Wrong login or password.").waitFor();
  });

  it("switches the language on the settings page, and remembers it", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await page.getByLabel("Email, phone or username").fill(login);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading(page, "Hello, Amina Wanjiru");
    await page.getByRole("banner").getByRole("link", { name: "More" }).click();
    await page.getByRole("combobox", { name: "Language" }).selectOption("sw");
    await heading(page, "Zaidi");
    expect(await page.getAttribute("html", "lang")).toBe("sw");
    await page.getByRole("link", { name: "Nyumbani" }).click();
    await heading(page, "Habari, Amina Wanjiru");
    await page.reload();
    await heading(page, "Habari, Amina Wanjiru");
    await checkA11y(page);
  });
});
