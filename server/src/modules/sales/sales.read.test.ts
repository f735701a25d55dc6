import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { makeProduct, receiptSale, saleBody } from "../../test/sales.js";

describe("reading sales", () => {
  const t = useTestApp();

  it("lists sales with filters and pages; staff see only their own whatever they ask", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner, { name: "Juma" });
    const p = await makeProduct(owner, { price: 100, stock: 100 });
    const line = [{ productId: p.id, quantity: 1 }];
    const mine = (await staff.post("/sales", saleBody(line, { payment: { method: "mobile_money" } }))).json();
    for (let i = 0; i < 3; i++) await owner.post("/sales", saleBody(line));

    const all = (await owner.get("/sales?limit=2")).json();
    expect(all.items).toHaveLength(2);
    const next = (await owner.get(`/sales?limit=2&cursor=${all.nextCursor}`)).json();
    expect(next.items).toHaveLength(2);
    expect(next.nextCursor).toBeNull();
    expect(new Set([...all.items, ...next.items].map((s: { id: string }) => s.id)).size).toBe(4);
    expect(
      (await owner.get("/sales?paymentMethod=mobile_money")).json().items.map((s: { id: string }) => s.id),
    ).toEqual([mine.id]);
    const byStaff = (await owner.get(`/sales?userId=${staff.me.user.id}`)).json().items;
    expect(byStaff).toHaveLength(1);
    expect(byStaff[0]).toMatchObject({ staffName: "Juma", lineCount: 1, total: 100 });

    const seen = (await staff.get(`/sales?userId=${owner.me.user.id}`)).json().items;
    expect(seen.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    const ownersSale = all.items.find((s: { userId: string }) => s.userId === owner.me.user.id).id;
    expect((await staff.get(`/sales/${ownersSale}`)).statusCode).toBe(404);
    expect((await staff.get(`/sales/${mine.id}`)).statusCode).toBe(200);
  });

  it("shares a text receipt in the shop's time zone and currency", async () => {
    const owner = await signUp(t.app);
    const sale = await receiptSale(t, owner);
    const res = await owner.get(`/sales/${sale.id}/receipt.txt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toContain("Mama Amina Shop");
    expect(res.body).toContain("Main shop");
    expect(res.body).toContain("Receipt #1");
    expect(res.body).toContain("Sukari 1kg");
    expect(res.body).toMatch(/May 4, 2026.*11:30/); // 20:30 UTC is 23:30 in Nairobi
    expect(res.body).toMatch(/TOTAL: KES\s?301\.00/);
    expect(res.body).toMatch(/Change: KES\s?99\.00/);
    expect(res.body).toContain("Paid by: Cash");
    expect(res.body).toContain("Served by: Amina");
  });

  it("writes the text receipt in the shop's language", async () => {
    const owner = await signUp(t.app, { locale: "fr-FR", currency: "XOF", timeZone: "Africa/Dakar" });
    const sale = await receiptSale(t, owner);
    const text = (await owner.get(`/sales/${sale.id}/receipt.txt`)).body;
    expect(text).toContain("Reçu #1");
    expect(text).toContain("Monnaie rendue:");
    expect(text).toContain("Merci !");
  });
});
