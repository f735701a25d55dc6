import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../test/api.js";
import { firstLocation, makeProduct, saleBody } from "../test/sales.js";

/** What the server says about a wrong number: the true problem, as a code each language words. */
describe("field codes for numbers", () => {
  const t = useTestApp();

  it("says a negative price, stock or threshold is negative, and too many decimals is that", async () => {
    const owner = await signUp(t.app);
    const locationId = await firstLocation(owner);
    const fields = async (path: string, body: unknown) => {
      const res = await owner.post(path, body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.fields as Record<string, { code: string; params?: unknown }[]>;
    };
    const bad = await fields("/products", {
      name: "Sukari",
      price: -125050,
      lowStockThreshold: -2,
      initialStock: [{ locationId, quantity: -5 }],
    });
    expect(bad.price?.map((f) => f.code)).toEqual(["negative"]);
    expect(bad.lowStockThreshold?.map((f) => f.code)).toEqual(["negative"]);
    expect(bad["initialStock.0.quantity"]?.map((f) => f.code)).toEqual(["negative"]);

    const decimals = await fields("/products", {
      name: "Sukari",
      price: 100,
      initialStock: [{ locationId, quantity: 1.2345 }],
    });
    expect(decimals["initialStock.0.quantity"]).toEqual([
      expect.objectContaining({ code: "too_many_decimals", params: { maximum: 3 } }),
    ]);

    const p = await makeProduct(owner, { price: 100, stock: 5 });
    const sold = await fields("/sales", saleBody([{ productId: p.id, quantity: -1 }]));
    expect(sold["lines.0.quantity"]?.map((f) => f.code)).toEqual(["not_positive"]);
  });
});
