import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { type Caller, seedDemo } from "../server/src/demo/seed-demo.js";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";

describeBrowser("the demo shop", () => {
  const e2e = useE2E();

  it("is seeded by the same code as `npm run db:seed -- --demo`, and its owner sees a living dashboard", async () => {
    const page = await e2e.newPage();
    // The page's own request context keeps the session cookie, as the seed script's caller does.
    const call: Caller = async (method, path, body) => {
      const res = await page.request.fetch(`/api/v1${path}`, { method, ...(body ? { data: body } : {}) });
      return { status: res.status(), body: await res.json().catch(() => undefined) };
    };
    const demo = await seedDemo(call, { days: 7, suffix: `-${randomBytes(3).toString("hex")}` });
    expect(demo.sales).toBeGreaterThan(20);

    await page.goto("/");
    await page.getByText(demo.businessName).first().waitFor();
    await page
      .getByText("Sugar 1 kg")
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    await checkA11y(page);
    await page.goto("/customers");
    await page.getByText("Wanjiru Kamau").waitFor();
    await checkA11y(page);
  });
});
