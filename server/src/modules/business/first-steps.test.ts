import { describe, expect, it } from "vitest";
import { send, signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { uploadImport } from "../../test/imports.js";
import { makeProduct, saleBody } from "../../test/sales.js";

describe("GET /business/first-steps", () => {
  const t = useTestApp();

  it("ticks each step from the shop's own data, and only its own", async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    const steps = async (who = owner) => {
      const res = await who.get("/business/first-steps");
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await steps()).toEqual({ products: false, staff: false, sale: false });

    const p = await makeProduct(owner, { price: 100, stock: 3 });
    expect(await steps()).toEqual({ products: true, staff: false, sale: false });
    const staff = await addStaff(t, owner);
    expect(await steps()).toEqual({ products: true, staff: true, sale: false });
    expect((await staff.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]))).statusCode).toBe(201);
    expect(await steps()).toEqual({ products: true, staff: true, sale: true });

    // Another shop's progress is its own; staff do not manage the shop's set-up.
    expect(await steps(other)).toEqual({ products: false, staff: false, sale: false });
    expect((await staff.get("/business/first-steps")).statusCode).toBe(403);
    expect((await send(t.app, "GET", "/business/first-steps")).statusCode).toBe(401);
    const docs = (await send(t.app, "GET", "/docs")).json();
    expect(docs.paths["/api/v1/business/first-steps"]?.get).toBeDefined();
  });

  it("counts products brought in from a file", async () => {
    const owner = await signUp(t.app);
    const preview = await uploadImport(owner, "products", { name: "list.csv", data: "name,price\nChai,120\n" });
    expect(preview.statusCode, preview.body).toBe(201);
    const commit = await owner.post(`/imports/${preview.json().id}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(200);
    expect((await owner.get("/business/first-steps")).json().products).toBe(true);
  });
});
