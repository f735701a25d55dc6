import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";

const SHOTS = process.env.E2E_SCREENSHOTS ?? "/tmp";
const OWNER_PASSWORD = "tall-mango-river-42";
const STAFF_PASSWORD = "blue-kettle-sunrise-7";
const NEW_OWNER_PASSWORD = "quiet-baobab-lantern-9";

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Signs in; owners land on their home, staff straight on the till. */
async function signIn(page: Page, login: string, password: string, landing: string) {
  await page.goto("/");
  await page.getByLabel("Email, phone or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading(page, landing);
}

async function openMore(page: Page) {
  await page.getByRole("banner").getByRole("link", { name: "More" }).click();
  await heading(page, "More");
}

describeBrowser("staff and account settings", () => {
  const e2e = useE2E();
  const owner = `amina-${randomBytes(4).toString("hex")}`;
  const staff = `juma-${randomBytes(4).toString("hex")}`;

  it("the owner adds a staff member who cannot open staff settings, then deactivates them", async () => {
    const page = await e2e.newPage();
    await page.goto("/signup");
    await page.getByLabel("Business name").fill("Mama Amina Shop");
    await page.getByLabel("Shop or branch name").fill("Main street");
    await page.getByLabel("Your name").fill("Amina Wanjiru");
    await page.getByLabel("Email, phone or username").fill(owner);
    await page.getByLabel("Password", { exact: true }).fill(OWNER_PASSWORD);
    await page.getByRole("button", { name: "Create business" }).click();
    await page.getByRole("button", { name: "I have written it down" }).click();
    await heading(page, "Hello, Amina Wanjiru");

    await openMore(page);
    await page.getByRole("link", { name: /^Staff/ }).click();
    await heading(page, "Staff");
    await page.getByRole("link", { name: /Amina Wanjiru/ }).waitFor();
    await checkA11y(page);
    await page.getByRole("link", { name: "Add a person" }).click();
    await heading(page, "Add a person");
    await page.getByLabel("Name", { exact: true }).fill("Juma Otieno");
    await page.getByLabel("Email, phone or username").fill(staff);
    await page.getByLabel("Password for them", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Show password" }).click();
    expect(await page.getByLabel("Password for them", { exact: true }).getAttribute("type")).toBe("text");
    expect(await page.getByRole("radio", { name: /^Staff/ }).isChecked()).toBe(true);
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-staff-add.png`, fullPage: true });
    await page.getByRole("button", { name: "Add a person" }).click();
    await heading(page, "Staff");
    await page.getByText(`Juma Otieno was added. They sign in with ${staff}`).waitFor();
    await page.getByRole("link", { name: /Juma Otieno/ }).waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-staff-list.png`, fullPage: true });

    // The staff member, on their own phone.
    const phone = await e2e.newPage();
    await signIn(phone, staff, STAFF_PASSWORD, "New sale");
    await openMore(phone);
    await phone.getByRole("link", { name: "Change my password" }).waitFor();
    expect(await phone.getByRole("link", { name: /^Staff/ }).count()).toBe(0);
    expect(await phone.getByRole("heading", { name: "Shop settings" }).count()).toBe(0);
    await checkA11y(phone);
    await phone.goto("/more/staff");
    await heading(phone, "Staff");
    await phone.getByText("You are not allowed to open this page.").waitFor();
    await checkA11y(phone);
    expect((await phone.request.get("/api/v1/users")).status()).toBe(403);

    // The owner switches the account off; the staff member's phone ends on sign-in at once.
    await page.getByRole("link", { name: /Juma Otieno/ }).click();
    await heading(page, "Person");
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await page.getByText(/signed out at once on every phone/).waitFor();
    await checkA11y(page);
    await page.getByRole("button", { name: "Yes, deactivate" }).click();
    await page.getByText("Juma Otieno is deactivated and was signed out.").waitFor();
    await page.getByRole("button", { name: "Reactivate account" }).waitFor();

    // The phone is told on its live stream and shows sign-in by itself, without a tap.
    await heading(phone, "Sign in");
    expect((await phone.request.get("/api/v1/me")).status()).toBe(401);
  });

  it("shows plain errors: a taken login, and an owner demoting themself", async () => {
    const page = await e2e.newPage();
    await signIn(page, owner, OWNER_PASSWORD, "Hello, Amina Wanjiru");
    await page.goto("/more/staff/new");
    await heading(page, "Add a person");
    await page.getByLabel("Name", { exact: true }).fill("Juma Again");
    await page.getByLabel("Email, phone or username").fill(staff);
    await page.getByLabel("Password for them", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Add a person" }).click();
    await page.getByText("Email, phone or username is already used in this shop.").waitFor();
    await checkA11y(page);

    await page.getByRole("link", { name: "Back to Staff" }).click();
    await page.getByRole("link", { name: /Amina Wanjiru/ }).click();
    await heading(page, "Person");
    await page.getByRole("radio", { name: /^Staff/ }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page
      .getByRole("alert")
      .getByText("You cannot switch off or demote your own account.", { exact: false })
      .waitFor();
  });

  it("visits locations, business settings and the activity log", async () => {
    const page = await e2e.newPage();
    await signIn(page, owner, OWNER_PASSWORD, "Hello, Amina Wanjiru");
    await openMore(page);
    await page.getByRole("link", { name: /^Locations/ }).click();
    await heading(page, "Locations");
    await page.getByLabel("Name", { exact: true }).fill("Market stall");
    await page.getByLabel("Address").fill("Gikomba market, row 4");
    await page.getByRole("button", { name: "Add a location" }).click();
    await page.getByText("Market stall was added.").waitFor();
    await page.getByRole("button", { name: "Close Market stall" }).click();
    await page.getByText("Market stall is closed.", { exact: false }).waitFor();
    await checkA11y(page);

    await page.goto("/more/business");
    await heading(page, "Business settings");
    await page.getByLabel("Business name").waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-business.png`, fullPage: true });
    await page.getByRole("group", { name: "Sales rules" }).screenshot({ path: `${SHOTS}/duka-business-rules.png` });
    await page
      .getByRole("group", { name: "Payment methods" })
      .screenshot({ path: `${SHOTS}/duka-business-payments.png` });
    await page.getByLabel("Business name").fill("Amina General Store");
    await page.getByRole("checkbox", { name: /Staff may change prices/ }).check();
    await page.getByLabel("Name for Mobile money").fill("M-Pesa");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    await expect.poll(() => page.locator(".topbar-title").textContent()).toBe("Amina General Store");
    await page.reload();
    await heading(page, "Business settings");
    expect(await page.getByLabel("Name for Mobile money").inputValue()).toBe("M-Pesa");
    expect(await page.getByRole("checkbox", { name: /Staff may change prices/ }).isChecked()).toBe(true);

    await page.goto("/more/activity");
    await heading(page, "Activity log");
    await page.getByText("Person deactivated").first().waitFor();
    await page.getByText("Business settings changed").first().waitFor();
    await checkA11y(page);

    // Backups: the owner can see whether the data is safe, and take all of it away.
    await page.goto("/more/backups");
    await heading(page, "Backups and your data");
    await page.getByRole("heading", { name: "Automatic daily backup" }).waitFor();
    const download = page.getByRole("link", { name: "Download all my data" });
    expect(await download.getAttribute("href")).toBe("/api/v1/export.zip");
    const zip = await page.request.get("/api/v1/export.zip");
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-activity.png`, fullPage: true });
  });

  it("changes one's own password and signs out the other phones", async () => {
    const other = await e2e.newPage();
    await signIn(other, owner, OWNER_PASSWORD, "Hello, Amina Wanjiru");

    const page = await e2e.newPage();
    await signIn(page, owner, OWNER_PASSWORD, "Hello, Amina Wanjiru");
    await openMore(page);
    await page.getByRole("link", { name: "Change my password" }).click();
    await heading(page, "Change my password");
    await page.getByLabel("Current password", { exact: true }).fill("not-my-password");
    await page.getByLabel("New password", { exact: true }).fill(NEW_OWNER_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Current password is not right.", { exact: true }).waitFor();
    await checkA11y(page);

    await page.getByLabel("Current password", { exact: true }).fill(OWNER_PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill(NEW_OWNER_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password is changed.", { exact: false }).waitFor();
    expect(await page.getByLabel("Current password", { exact: true }).inputValue()).toBe("");
    await checkA11y(page);

    // This phone stays signed in; the other one is sent to sign-in on its next request.
    await openMore(page);
    await other.reload();
    await heading(other, "Sign in");
    await signIn(other, owner, NEW_OWNER_PASSWORD, "Hello, Amina Wanjiru");
  });
});
