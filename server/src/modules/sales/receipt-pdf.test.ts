import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documents } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import { type Actor, send, signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { uploadDocument } from "../../test/multipart.js";
import { pdfText } from "../../test/pdf.js";
import { makeProduct, receiptSale, saleBody } from "../../test/sales.js";
import { printable } from "./receipt-pdf.js";

describe("PDF receipts", () => {
  const t = useTestApp();

  async function receiptDocs(owner: Actor, saleId: string) {
    const businessId = owner.me.user.businessId;
    return inBusiness(t.database.db, businessId, (tx) =>
      tx
        .select()
        .from(documents)
        .where(and(eq(documents.businessId, businessId), eq(documents.saleId, saleId), eq(documents.kind, "receipt"))),
    );
  }

  async function storedBytes(key: string) {
    const chunks: Buffer[] = [];
    for await (const c of await t.app.deps.files.raw.get(key)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  it("prints the sale, stores it encrypted, and serves the stored copy after that", async () => {
    const owner = await signUp(t.app);
    const sale = await receiptSale(t, owner);

    const first = await owner.get(`/sales/${sale.id}/receipt.pdf`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers["content-type"]).toBe("application/pdf");
    expect(first.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(first.rawPayload.toString("latin1")).toMatch(/\/Count 1\b/); // one roll-paper page
    const text = pdfText(first.rawPayload);
    expect(text).toContain("Mama Amina Shop");
    expect(text).toContain("Main shop");
    expect(text).toContain("Receipt #1");
    expect(text).toContain("Sukari 1kg");
    expect(text).toMatch(/May 4, 2026.*11:30/); // 20:30 UTC is 23:30 in Nairobi
    expect(text).toMatch(/KES\s?301\.00/);
    expect(text).toMatch(/KES\s?99\.00/); // change from 400.00

    const [doc, ...more] = await receiptDocs(owner, sale.id);
    expect(more).toHaveLength(0);
    expect(doc).toMatchObject({ contentType: "application/pdf", size: first.rawPayload.length });
    const cipher = await storedBytes(doc?.storageKey as string);
    expect(cipher.includes(Buffer.from("%PDF"))).toBe(false);
    expect(cipher.includes(Buffer.from("Sukari"))).toBe(false);

    // Served from storage: the same bytes, and no second document.
    const second = await owner.get(`/sales/${sale.id}/receipt.pdf`);
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(await receiptDocs(owner, sale.id)).toHaveLength(1);

    // What is served is the stored file, not a new rendering: replace it and the answer follows.
    const marker = Buffer.from("%PDF-1.3\nSTORED-COPY-MARKER\n");
    await t.app.deps.files.put(doc?.storageKey as string, marker);
    const third = await owner.get(`/sales/${sale.id}/receipt.pdf`);
    expect(third.body).toContain("STORED-COPY-MARKER");
  });

  it("makes a fresh receipt once the sale is voided, and keeps only that one", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 500, stock: 10 });
    const sale = (await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]))).json();
    const before = await owner.get(`/sales/${sale.id}/receipt.pdf`);
    expect(pdfText(before.rawPayload)).not.toContain("VOIDED");

    expect((await owner.post(`/sales/${sale.id}/void`, { reason: "Wrong item" })).statusCode).toBe(200);
    const after = await owner.get(`/sales/${sale.id}/receipt.pdf`);
    expect(after.statusCode).toBe(200);
    const text = pdfText(after.rawPayload);
    expect(text).toContain("VOIDED");
    expect(text).toContain("Wrong item");
    const docs = await receiptDocs(owner, sale.id);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.size).toBe(after.rawPayload.length);
  });

  it("prints in the business's language and marks a refund", async () => {
    const owner = await signUp(t.app, { locale: "fr-FR", currency: "XOF", timeZone: "Africa/Dakar" });
    const p = await makeProduct(owner, { name: "Café", price: 123456, stock: 10 });
    const sale = (await owner.post("/sales", saleBody([{ productId: p.id, quantity: 2 }]))).json();
    const refund = await owner.post(`/sales/${sale.id}/refunds`, {
      id: crypto.randomUUID(),
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: "Abîmé",
    });
    expect(refund.statusCode, refund.body).toBe(201);
    const res = await owner.get(`/sales/${sale.id}/receipt.pdf`);
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Reçu #1");
    expect(text).toContain("Café");
    expect(text).toContain("REMBOURSÉ");
    // fr groups digits with a narrow space the built-in fonts lack: printed as a plain no-break space.
    expect(text).toMatch(/246\u00a0912/);
  });

  it("answers 401 anonymous, 404 for another business's sale and for another staff member's", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 500, stock: 10 });
    const ownersSale = (await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]))).json();
    expect((await send(t.app, "GET", `/sales/${ownersSale.id}/receipt.pdf`)).statusCode).toBe(401);

    const other = await signUp(t.app);
    expect((await other.get(`/sales/${ownersSale.id}/receipt.pdf`)).statusCode).toBe(404);

    const juma = await addStaff(t, owner, { name: "Juma" });
    const halima = await addStaff(t, owner, { name: "Halima" });
    const jumasSale = (await juma.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]))).json();
    expect((await juma.get(`/sales/${jumasSale.id}/receipt.pdf`)).statusCode).toBe(200);
    expect((await halima.get(`/sales/${jumasSale.id}/receipt.pdf`)).statusCode).toBe(404);
    expect((await juma.get(`/sales/${ownersSale.id}/receipt.pdf`)).statusCode).toBe(404);
    expect(await receiptDocs(owner, ownersSale.id)).toHaveLength(0);

    // Nor through the documents routes: the stored receipt is as private as the sale.
    const [stored] = await receiptDocs(owner, jumasSale.id);
    expect((await juma.get(`/documents/${stored?.id}/content`)).statusCode).toBe(200);
    expect((await halima.get(`/documents/${stored?.id}/content`)).statusCode).toBe(404);
    expect((await halima.get(`/documents/${stored?.id}`)).statusCode).toBe(404);
    expect((await halima.get(`/documents?saleId=${jumasSale.id}`)).json().items).toEqual([]);
    expect((await juma.get(`/documents?saleId=${jumasSale.id}`)).json().items).toHaveLength(1);
    expect((await owner.get(`/documents/${stored?.id}/content`)).statusCode).toBe(200);
    const onOwnersSale = await uploadDocument(halima, {
      fields: { saleId: ownersSale.id },
      file: { name: "x.pdf", data: Buffer.from("%PDF-1.4\n") },
    });
    expect(onOwnersSale.statusCode).toBe(404);
  });

  it("keeps what the built-in fonts cannot draw from printing as a wrong glyph", () => {
    expect(printable("1\u202f234,50\u00a0€")).toBe("1\u00a0234,50\u00a0€");
    expect(printable("₦ 500")).toBe("? 500");
  });
});
