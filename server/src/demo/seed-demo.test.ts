import { describe, expect, it } from "vitest";
import { send, useTestApp } from "../test/api.js";
import { expectLedgerMatchesLevels } from "../test/invariants.js";
import { type Caller, DemoExists, seedDemo } from "./seed-demo.js";

describe("demo seed", () => {
  const t = useTestApp();

  const caller = (): Caller => {
    let cookie = "";
    return async (method, path, body) => {
      const res = await send(t.app, method, path, body, cookie ? { cookie } : {});
      const set = res.cookies.find((c) => c.name.endsWith("duka_session"));
      if (set) cookie = `${set.name}=${set.value}`;
      return { status: res.statusCode, body: res.body ? res.json() : undefined };
    };
  };

  it("makes a living shop through the API: products, staff, customers who owe, weeks of sales", async () => {
    const owner = caller();
    const demo = await seedDemo(owner, { now: t.clock.now(), days: 6 });
    expect(demo.sales).toBeGreaterThan(20);

    const products = await owner("GET", "/products?limit=100");
    expect(products.body.items.length).toBeGreaterThanOrEqual(20);
    const sales = await owner("GET", "/sales?limit=100");
    expect(sales.body.items.length).toBeGreaterThan(20);
    const owing = await owner("GET", "/customers/owing");
    expect(owing.body.totalOwed).toBeGreaterThan(0);

    const staff = caller();
    expect((await staff("POST", "/auth/login", demo.staff)).status).toBe(200);
    expect((await staff("GET", "/me")).body.user.role).toBe("staff");
    await expectLedgerMatchesLevels(t.database);
  });

  it("refuses to make the same demo business twice", async () => {
    await expect(seedDemo(caller(), { now: t.clock.now(), days: 0 })).rejects.toBeInstanceOf(DemoExists);
  });
});
