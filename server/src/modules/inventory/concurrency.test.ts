import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { mainLocation } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";

describe("concurrent stock takes", () => {
  const t = useTestApp();

  it("32 requests for 1 unit each of a stock of 10: exactly 10 succeed", async () => {
    const owner = await signUp(t.app);
    const main = await mainLocation(t, owner);
    const p = (
      await owner.post("/products", {
        name: "Last loaves",
        price: 60,
        initialStock: [{ locationId: main, quantity: 10 }],
      })
    ).json();
    const take = { productId: p.id, locationId: main, kind: "adjust", quantity: -1, reason: "other" };
    const results = await Promise.all(Array.from({ length: 32 }, () => owner.post("/stock-movements", take)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(22);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === "insufficient_stock")).toBe(
      true,
    );
    // Every success saw a distinct level on its way down: no two took the same unit.
    const after = results.filter((r) => r.statusCode === 201).map((r) => r.json().movements[0].levelAfter);
    expect(after.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await owner.get(`/products/${p.id}`)).json().stock).toBe(0);
    await expectLedgerMatchesLevels(t.database);
  });
});
