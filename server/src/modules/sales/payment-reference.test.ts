import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { pdfText } from "../../test/pdf.js";
import { makeProduct, saleBody } from "../../test/sales.js";

const mobile = (reference?: string | null) => ({ payment: { method: "mobile_money", reference } });

describe("a mobile-money transaction code", () => {
  const t = useTestApp();

  it("is kept in capitals, shown on the sale and both receipts, and found from the sales list", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner, { name: "Juma" });
    const p = await makeProduct(owner, { price: 500, stock: 20 });
    const line = [{ productId: p.id, quantity: 1 }];
    const made = await staff.post("/sales", saleBody(line, mobile(" qgh7-1abc 2d ")));
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().payment).toMatchObject({ method: "mobile_money", reference: "QGH71ABC2D" });
    const other = (await staff.post("/sales", saleBody(line, mobile("RKT55XYZ01")))).json();
    const plain = (await owner.post("/sales", saleBody(line))).json();
    expect(plain.payment.reference).toBeNull();

    const read = (await owner.get(`/sales/${made.json().id}`)).json();
    expect(read.payment.reference).toBe("QGH71ABC2D");
    expect((await owner.get(`/sales/${made.json().id}/receipt.txt`)).body).toContain("Transaction code: QGH71ABC2D");
    const pdf = await owner.get(`/sales/${made.json().id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain("QGH71ABC2D");

    const ids = async (who: typeof owner, q: string) =>
      (await who.get(`/sales?q=${encodeURIComponent(q)}`)).json().items.map((s: { id: string }) => s.id);
    // The whole code, its first characters, lower case with a space: the same sale.
    expect(await ids(owner, "QGH71ABC2D")).toEqual([made.json().id]);
    expect(await ids(owner, "qgh 71")).toEqual([made.json().id]);
    expect(await ids(owner, "RKT")).toEqual([other.id]);
    expect(await ids(owner, "ZZZ")).toEqual([]);
    // A receipt number finds its sale, with or without "#".
    expect(await ids(owner, `#${plain.number}`)).toEqual([plain.id]);
    // LIKE's wildcards are searched for as themselves.
    expect(await ids(owner, "%")).toEqual([]);
    const listed = (await owner.get("/sales?q=QGH")).json().items[0];
    expect(listed.paymentReference).toBe("QGH71ABC2D");
    // Staff search only their own sales: the owner's sale is not found by its number.
    expect(await ids(staff, String(plain.number))).toEqual([]);
    expect(await ids(staff, "RKT")).toEqual([other.id]);
  });

  it("is refused at the edge when too short, too long or with other characters", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 500, stock: 20 });
    const line = [{ productId: p.id, quantity: 1 }];
    const codeOf = async (reference: unknown) => {
      const res = await owner.post(
        "/sales",
        saleBody(line, { payment: { method: "mobile_money", reference } } as never),
      );
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.fields["payment.reference"][0];
    };
    expect(await codeOf("AB1")).toMatchObject({ code: "too_short", params: { minimum: 4 } });
    expect(await codeOf("A".repeat(31))).toMatchObject({ code: "too_long", params: { maximum: 30 } });
    expect(await codeOf("QGH71ABC2D!")).toMatchObject({ code: "letters_digits" });
    expect(await codeOf("QGH71ABC2D\u202e")).toMatchObject({ code: "letters_digits" });
    expect(await codeOf(12345)).toMatchObject({ code: "invalid_type" });
    expect((await owner.get(`/sales?q=${"9".repeat(31)}`)).statusCode).toBe(400);
    expect((await owner.get("/sales")).json().items).toEqual([]);
  });

  it("travels with a sale recorded offline", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 500, stock: 20 });
    const body = {
      ...saleBody([{ productId: p.id, quantity: 2 }], mobile("QGH71ABC2E")),
      offline: { recordedAt: new Date(Date.now() - 60_000).toISOString(), provisional: "K7Q-3" },
    };
    const res = await owner.post("/sync", { items: [{ kind: "sale", body }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results[0].status).toBe(201);
    expect((await owner.get(`/sales/${body.id}`)).json().payment.reference).toBe("QGH71ABC2E");
    expect((await owner.get("/sales?q=K7Q-3")).json().items[0].id).toBe(body.id);
  });

  it("gives the receipt the customer's phone, for sending it to them", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 500, stock: 20 });
    const customer = (await owner.post("/customers", { name: "Bi Mwanaisha", phone: "+254722111222" })).json();
    const sale = await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }], { customerId: customer.id }));
    expect(sale.json().receipt).toMatchObject({ customerName: "Bi Mwanaisha", customerPhone: "+254722111222" });
    expect((await owner.get(`/sales/${sale.json().id}`)).json().receipt.customerPhone).toBe("+254722111222");
  });
});
