import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, signUpOwner } from "./helpers.js";

const STAFF_PASSWORD = "blue-kettle-sunrise-7";

async function fillSignIn(page: Page, login: string, password: string) {
  await page.getByLabel("Email, phone or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A new shop whose owner (signed in on `page`) adds a staff member with this login; answers its shop code. */
async function shopWithStaff(page: Page, login: string, name: string): Promise<string> {
  await signUpOwner(page, name);
  const added = await page.request.post("/api/v1/users", {
    data: { name: "Juma", login, password: STAFF_PASSWORD, role: "staff" },
  });
  expect(added.status(), await added.text()).toBe(201);
  // The owner reads the shop code on the staff page.
  await page.goto("/more/staff");
  await heading(page, "Staff");
  const text = (await page.getByText(/^Shop code: /).textContent()) ?? "";
  await checkA11y(page);
  return text.replace("Shop code: ", "").trim();
}

describeBrowser("signing in: the shop code and the warning before a lock", () => {
  const e2e = useE2E();
  const juma = `juma-${randomBytes(4).toString("hex")}`;

  it("asks a phone for its shop's code once, when two shops have a 'juma', and remembers it", async () => {
    const codeA = await shopWithStaff(await e2e.newPage(), juma, "Duka A");
    const codeB = await shopWithStaff(await e2e.newPage(), juma, "Duka B");
    expect(codeA).toMatch(/^[A-Z2-9]{6}$/);
    expect(codeA).not.toBe(codeB);

    const phone = await e2e.newPage();
    await phone.goto("/");
    await heading(phone, "Sign in");
    // The form is as simple as ever: no shop code field until the server needs it.
    expect(await phone.getByLabel("Shop code").count()).toBe(0);
    await fillSignIn(phone, juma, STAFF_PASSWORD);
    await phone.getByRole("alert").getByText("Type your shop's code below.", { exact: false }).waitFor();
    await phone.getByLabel("Shop code").fill(codeB.toLowerCase());
    await checkA11y(phone);
    await phone.getByRole("button", { name: "Sign in" }).click();
    await heading(phone, "New sale");
    const me = await (await phone.request.get("/api/v1/me")).json();
    expect(me.business.name).toBe("Duka B");

    // Signed out, the phone remembers its shop: Juma types only his login and password.
    await phone.request.post("/api/v1/auth/logout");
    await phone.goto("/");
    await phone.getByText(`Shop code on this phone: ${codeB}`).waitFor();
    expect(await phone.getByLabel("Shop code").count()).toBe(0);
    await fillSignIn(phone, juma, STAFF_PASSWORD);
    await heading(phone, "New sale");
  });

  it("warns two tries before the lock and tells staff to ask the owner", async () => {
    const owner = await e2e.newPage();
    await signUpOwner(owner, "Duka C");
    const login = `rehema-${randomBytes(4).toString("hex")}`;
    await owner.request.post("/api/v1/users", {
      data: { name: "Rehema", login, password: STAFF_PASSWORD, role: "staff" },
    });
    const phone = await e2e.newPage();
    await phone.goto("/");
    // Other tests' failures from this same address count too, so watch for the warning rather than count.
    let warned = "";
    for (let i = 0; i < 9 && !warned; i++) {
      const answered = phone.waitForResponse((r) => r.url().endsWith("/auth/login"));
      await fillSignIn(phone, login, `wrong-${i}-password`);
      await answered;
      // The alert goes when the form is sent and comes back with the answer.
      await phone.getByRole("alert").waitFor();
      const text = (await phone.getByRole("alert").textContent()) ?? "";
      expect(text).toMatch(/^Wrong login or password\./);
      if (text.includes("tries left")) warned = text;
    }
    expect(warned).toBe(
      "Wrong login or password. 2 tries left. If you are staff, ask the owner to reset your password.",
    );
    await checkA11y(phone);
    await fillSignIn(phone, login, STAFF_PASSWORD);
    await heading(phone, "New sale");
  });

  it("an owner who forgot the password gets back in with the recovery code from sign-up", async () => {
    const page = await e2e.newPage();
    const login = `amina-${randomBytes(4).toString("hex")}`;
    await page.goto("/signup");
    await page.getByLabel("Business name").fill("Duka D");
    await page.getByLabel("Shop or branch name").fill("Main street");
    await page.getByLabel("Your name").fill("Amina");
    await page.getByLabel("Email, phone or username").fill(login);
    await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Create business" }).click();
    await heading(page, "Write down your recovery code");
    await page.getByRole("button", { name: "Print" }).waitFor();
    await page.getByRole("button", { name: "Copy" }).waitFor();
    const code = ((await page.locator(".recovery-code-value").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    await checkA11y(page);
    await page.getByRole("button", { name: "I have written it down" }).click();
    await heading(page, "Hello, Amina");
    await page.request.post("/api/v1/auth/logout");

    await page.goto("/");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await heading(page, "Forgot your password");
    await page.getByLabel("Email, phone or username").fill(login);
    await page.getByLabel("Recovery code").fill(code.toLowerCase());
    await page.getByLabel("New password", { exact: true }).fill("quiet-baobab-lantern-9");
    await checkA11y(page);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await heading(page, "Write down your recovery code");
    await page.getByText("every phone was signed out", { exact: false }).waitFor();
    const next = ((await page.locator(".recovery-code-value").textContent()) ?? "").trim();
    expect(next).not.toBe(code);
    await page.getByRole("link", { name: "Back to sign in" }).click();
    await fillSignIn(page, login, "quiet-baobab-lantern-9");
    await heading(page, "Hello, Amina");
  });
});
