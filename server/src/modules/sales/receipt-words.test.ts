import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { pdfText } from "../../test/pdf.js";
import { makeProduct, saleBody } from "../../test/sales.js";

/**
 * What a customer takes away speaks the shop's language and names how they paid as people say it:
 * the shop's own name for a method, else the catalogue's word, never a code such as "mobile_money".
 */
describe("receipts and statements in the shop's words", () => {
  const t = useTestApp();

  async function sell(owner: Actor, method: string) {
    const p = await makeProduct(owner, { name: "Sukari 1kg", price: 15050, stock: 10 });
    const res = await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }], { payment: { method } }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const text = (await owner.get(`/sales/${id}/receipt.txt`)).body;
    const pdf = await owner.get(`/sales/${id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    return { text, pdf: pdfText(pdf.rawPayload) };
  }

  const rename = (owner: Actor, paymentMethods: { method: string; label?: string }[]) =>
    owner.patch("/business", { settings: { paymentMethods } }).then((r) => expect(r.statusCode, r.body).toBe(200));

  it("in English: the catalogue's names, then the shop's own", async () => {
    const owner = await signUp(t.app, { locale: "en" });
    const cash = await sell(owner, "cash");
    expect(cash.text).toContain("Paid by: Cash\n");
    expect(cash.pdf).toMatch(/Paid by\nCash\n/);

    const mobile = await sell(owner, "mobile_money");
    expect(mobile.text).toContain("Paid by: Mobile money\n");
    expect(mobile.pdf).toContain("Mobile money");
    expect(`${mobile.text}${mobile.pdf}`).not.toContain("mobile_money");

    await rename(owner, [{ method: "cash" }, { method: "mobile_money", label: "M-Pesa" }, { method: "lipa_later" }]);
    const renamed = await sell(owner, "mobile_money");
    expect(renamed.text).toContain("Paid by: M-Pesa\n");
    expect(renamed.pdf).toMatch(/Paid by\nM-Pesa\n/);
  });

  it("in French and Swahili: the receipt's words and the method's name in the shop's language", async () => {
    const fr = await signUp(t.app, { locale: "fr", currency: "XOF", timeZone: "Africa/Dakar" });
    const frCash = await sell(fr, "cash");
    expect(frCash.text).toContain("Payé par: Espèces\n");
    expect(frCash.text).toContain("Merci !");
    expect(frCash.pdf).toMatch(/Payé par\nEspèces\n/);
    expect(frCash.pdf).toContain("Reçu #1");
    expect(`${frCash.text}${frCash.pdf}`).not.toMatch(/\bcash\b|Paid by|Receipt/);

    const sw = await signUp(t.app, { locale: "sw", currency: "TZS", timeZone: "Africa/Dar_es_Salaam" });
    const swMobile = await sell(sw, "mobile_money");
    expect(swMobile.text).toContain("Imelipwa kwa: Pesa kwa simu\n");
    expect(swMobile.text).toContain("Asante!");
    expect(swMobile.pdf).toMatch(/Imelipwa kwa\nPesa kwa simu\n/);
    expect(swMobile.pdf).toContain("Risiti #1");
    await rename(sw, [{ method: "cash" }, { method: "mobile_money", label: "M-Pesa" }]);
    expect((await sell(sw, "mobile_money")).text).toContain("Imelipwa kwa: M-Pesa\n");
  });

  it("names how each payment on a shared statement was made", async () => {
    const sw = await signUp(t.app, { locale: "sw", currency: "TZS", timeZone: "Africa/Dar_es_Salaam" });
    await rename(sw, [{ method: "cash" }, { method: "mobile_money", label: "M-Pesa" }, { method: "credit" }]);
    const customerId = (await sw.post("/customers", { name: "Bi Mwanaisha" })).json().id as string;
    const p = await makeProduct(sw, { price: 500_000, stock: 10 });
    const credit = await sw.post(
      "/sales",
      saleBody([{ productId: p.id, quantity: 1 }], { customerId, payment: { method: "credit" } }),
    );
    expect(credit.statusCode, credit.body).toBe(201);
    for (const method of ["mobile_money", "cash"]) {
      const paid = await sw.post(`/customers/${customerId}/payments`, { amount: 100_000, method });
      expect(paid.statusCode, paid.body).toBe(201);
    }
    const text = (await sw.get(`/customers/${customerId}/ledger`)).json().text as string;
    expect(text).toContain("Alinunua kwa mkopo ");
    expect(text).toContain("Alilipa (M-Pesa)");
    expect(text).toContain("Alilipa (Taslimu)");
    expect(text).not.toMatch(/mobile_money|cash/);
  });
});
