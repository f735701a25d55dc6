import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { logIn, PASSWORD, signUp, uniqueLogin, useTestApp } from "../../test/api.js";

describe("products whose price is set at the sale", () => {
  const t = useTestApp();

  it("need the price typed on the line, and staff may type it", async () => {
    const owner = await signUp(t.app);
    const locationId = (await owner.get("/locations")).json().items[0].id;
    const made = await owner.post("/products", {
      name: "Tailoring",
      price: 0,
      priceAtSale: true,
      unit: "job",
      initialStock: [{ locationId, quantity: 100 }],
    });
    expect(made.json()).toMatchObject({ priceAtSale: true, price: 0 });
    const login = uniqueLogin("till");
    await owner.post("/users", { name: "Till", login, password: PASSWORD, role: "staff" });
    const staff = await logIn(t.app, login);
    const sale = (unitPrice?: number) => ({
      id: randomUUID(),
      lines: [{ productId: made.json().id, quantity: 1, ...(unitPrice === undefined ? {} : { unitPrice }) }],
      payment: { method: "cash" },
    });
    const missing = await staff.post("/sales", sale());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: "price_required", message: expect.stringMatching(/Tailoring/) });
    const typed = await staff.post("/sales", sale(45000));
    expect(typed.statusCode, typed.body).toBe(201);
    expect(typed.json()).toMatchObject({ total: 45000, lines: [expect.objectContaining({ unitPrice: 45000 })] });
    const listed = (await staff.get("/products?q=Tailoring")).json().items[0];
    expect(listed.priceAtSale).toBe(true);
  });
});
