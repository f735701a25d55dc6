import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";

const SHOTS = process.env.E2E_SCREENSHOTS ?? "/tmp";
const PASSWORD = "tall-mango-river-42";

describeBrowser("the owner's dashboard", () => {
  const e2e = useE2E();

  it("updates live when staff change stock and record a sale elsewhere, without a reload", async () => {
    const owner = await e2e.newPage();
    const ownerLogin = `owner-${randomBytes(4).toString("hex")}`;
    const signup = await owner.request.post("/api/v1/auth/signup", {
      data: {
        businessName: "Mama Amina Shop",
        currency: "KES",
        timeZone: "Africa/Nairobi",
        country: "KE",
        locationName: "Main street",
        ownerName: "Amina",
        login: ownerLogin,
        password: PASSWORD,
      },
    });
    expect(signup.status()).toBe(201);
    const product = await owner.request.post("/api/v1/products", {
      data: { name: "Sugar 1 kg", price: 16000, cost: 14000, lowStockThreshold: 5 },
    });
    const productId = (await product.json()).id as string;
    const locationId = ((await (await owner.request.get("/api/v1/locations")).json()).items[0] as { id: string }).id;
    const staffLogin = `staff-${randomBytes(4).toString("hex")}`;
    await owner.request.post("/api/v1/users", {
      data: { name: "Juma", login: staffLogin, password: PASSWORD, role: "staff" },
    });

    await owner.goto("/");
    await owner.getByRole("heading", { level: 2, name: "Your shop", exact: true }).waitFor();
    // Added without stock: not counted yet, which is not "out".
    await owner.getByText("0 in stock, 0 low, 0 out, 1 not counted").waitFor();
    await owner.getByText("Nothing is running low.").waitFor();
    await owner.getByText("Live", { exact: true }).waitFor();
    await checkA11y(owner);
    await owner.screenshot({ path: `${SHOTS}/duka-dashboard.png`, fullPage: true });
    // A marker that a reload would wipe.
    await owner.evaluate("window.__sameDocument = true");

    const staff = await e2e.newPage();
    const login = await staff.request.post("/api/v1/auth/login", { data: { login: staffLogin, password: PASSWORD } });
    expect(login.status()).toBe(200);
    const received = await staff.request.post("/api/v1/stock-movements", {
      data: { productId, locationId, kind: "receive", quantity: 12 },
    });
    expect(received.status()).toBe(201);

    await owner.getByText("1 in stock, 0 low, 0 out, 0 not counted").waitFor({ timeout: 5000 });
    await owner.getByText("Nothing is running low.").waitFor();
    expect(await owner.evaluate("window.__sameDocument === true")).toBe(true);

    // Staff records a sale on the till screen: the owner's total changes, still without a reload.
    await staff.goto("/sell");
    await staff.getByRole("heading", { level: 1, name: "New sale" }).waitFor();
    await staff.getByLabel("Find a product").fill("Sugar");
    await staff.getByRole("button", { name: /Sugar 1 kg/ }).click();
    await staff.getByRole("button", { name: "One more Sugar 1 kg" }).click();
    await staff.getByRole("button", { name: "Charge" }).click();
    await staff.getByRole("heading", { level: 1, name: "Payment" }).waitFor();
    await staff.getByRole("button", { name: /^Confirm/ }).click();
    await staff.getByRole("heading", { level: 1, name: "Sale #1 recorded" }).waitFor();
    await expect.poll(() => owner.getByTestId("net-sales").textContent(), { timeout: 5000 }).toMatch(/320\.00/);
    expect(await owner.evaluate("window.__sameDocument === true")).toBe(true);
    const best = owner.getByRole("region", { name: "Best sellers" });
    await best.getByText("2 sold").waitFor();
    await best.getByRole("radio", { name: "By quantity" }).check();
    await best.getByText("Sugar 1 kg").waitFor();

    // The staff member lands on the till; their own home is a smaller dashboard of their own sales.
    await staff.goto("/");
    await staff.getByRole("heading", { level: 1, name: "New sale" }).waitFor();
    await staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await staff.getByRole("heading", { level: 2, name: "Your sales" }).waitFor();
    expect(await staff.getByRole("radio", { name: "This month" }).count()).toBe(0);
    await checkA11y(staff);

    // The period switch is thumb-sized and works.
    await owner.getByRole("radio", { name: "This month" }).check();
    expect(await owner.getByRole("radio", { name: "This month" }).isChecked()).toBe(true);
    await expect.poll(() => owner.getByTestId("net-sales").textContent()).toMatch(/320\.00/);
  });
});
