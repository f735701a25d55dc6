import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { customers, locations, sales, users } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import { type Actor, logIn, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { form, type Upload, uploadDocument } from "../../test/multipart.js";
import { hashPassword } from "../auth/passwords.js";

const MAX = 300_000;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("IHDR tiny-png-payload-marker"),
  randomBytes(500),
]);
const pdf = (size: number) =>
  Buffer.concat([Buffer.from("%PDF-1.7\nDELIVERY-NOTE-MARKER\n"), randomBytes(size)]).subarray(0, size);

const upload = uploadDocument;

describe("documents", () => {
  const t = useTestApp({ DOCUMENT_MAX_BYTES: String(MAX) });

  async function rowCount(businessId: string) {
    const [row] = await inBusiness(t.database.db, businessId, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from documents where business_id = ${businessId}`),
    );
    return row?.n ?? -1;
  }

  async function storedKeys(businessId: string) {
    const keys: string[] = [];
    for await (const o of t.app.deps.files.raw.list(`documents/${businessId}/`)) keys.push(o.key);
    return keys;
  }

  async function addStaff(owner: Actor) {
    const login = uniqueLogin("staff");
    const passwordHash = await hashPassword(PASSWORD);
    const businessId = owner.me.user.businessId;
    await inBusiness(t.database.db, businessId, (tx) =>
      tx.insert(users).values({ businessId, name: "Juma", role: "staff", login, passwordHash }),
    );
    return logIn(t.app, login);
  }

  async function addCustomer(owner: Actor) {
    const businessId = owner.me.user.businessId;
    const [row] = await inBusiness(t.database.db, businessId, (tx) =>
      tx.insert(customers).values({ businessId, name: "Wanjiru" }).returning({ id: customers.id }),
    );
    return row?.id as string;
  }

  async function addSale(owner: Actor) {
    const businessId = owner.me.user.businessId;
    const id = randomUUID();
    await inBusiness(t.database.db, businessId, async (tx) => {
      const [location] = await tx.select().from(locations).where(eq(locations.businessId, businessId));
      await tx.insert(sales).values({
        id,
        businessId,
        number: 1,
        locationId: location?.id as string,
        userId: owner.me.user.id,
        businessDate: "2026-01-15",
        subtotal: 1000,
        total: 1000,
        paymentMethod: "cash",
        requestHash: "fixture",
      });
    });
    return id;
  }

  it("stores a photo for a customer and a PDF for a sale, and gives back the same bytes", async () => {
    const owner = await signUp(t.app);
    const customerId = await addCustomer(owner);
    const saleId = await addSale(owner);

    const photo = await upload(owner, { fields: { customerId }, file: { name: "C:\\phone\\IMG 1.png", data: PNG } });
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({
      kind: "document",
      filename: "IMG 1.png",
      contentType: "image/png",
      size: PNG.length,
      customerId,
      saleId: null,
      createdBy: owner.me.user.id,
    });
    const bigPdf = pdf(200_000); // several encryption frames
    const note = await upload(owner, { fields: { saleId }, file: { name: "delivery.pdf", data: bigPdf } });
    expect(note.statusCode).toBe(201);

    const photoBack = await owner.get(`/documents/${photo.json().id}/content`);
    expect(photoBack.statusCode).toBe(200);
    expect(photoBack.headers["content-type"]).toBe("image/png");
    expect(photoBack.headers["content-disposition"]).toMatch(/^inline; filename="IMG 1.png"/);
    expect(photoBack.rawPayload.equals(PNG)).toBe(true);
    const pdfBack = await owner.get(`/documents/${note.json().id}/content`);
    expect(pdfBack.headers["content-type"]).toBe("application/pdf");
    expect(pdfBack.headers["content-disposition"]).toMatch(/^attachment; filename="delivery.pdf"/);
    expect(pdfBack.rawPayload.equals(bigPdf)).toBe(true);

    const bySale = await owner.get(`/documents?saleId=${saleId}`);
    expect(bySale.json().items.map((d: { id: string }) => d.id)).toEqual([note.json().id]);
    expect((await owner.get(`/documents/${photo.json().id}`)).json()).toEqual(photo.json());

    // What storage holds is ciphertext under documents/<businessId>/<id>.
    const key = `documents/${owner.me.user.businessId}/${note.json().id}`;
    const raw = Buffer.concat(await (await t.app.deps.files.raw.get(key)).toArray());
    expect(raw.includes(Buffer.from("DELIVERY-NOTE-MARKER"))).toBe(false);

    const usage = await owner.get("/documents/usage");
    expect(usage.json()).toEqual({ count: 2, totalBytes: PNG.length + bigPdf.length, quotaBytes: 1024 ** 3 });
  });

  it("answers decrypt_failed, not garbage, when the stored file was tampered with", async () => {
    const owner = await signUp(t.app);
    const id = (await upload(owner, { file: { name: "a.pdf", data: pdf(1000) } })).json().id;
    const key = `documents/${owner.me.user.businessId}/${id}`;
    const raw = Buffer.concat(await (await t.app.deps.files.raw.get(key)).toArray());
    raw[raw.length - 40] = (raw[raw.length - 40] as number) ^ 0xff;
    await t.app.deps.files.raw.put(key, raw);
    const res = await owner.get(`/documents/${id}/content`);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("decrypt_failed");
  });

  it("pages through the list newest first", async () => {
    const owner = await signUp(t.app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      ids.push((await upload(owner, { file: { name: `p${i}.pdf`, data: pdf(100) } })).json().id);
    }
    const first = (await owner.get("/documents?limit=2")).json();
    expect(first.items.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[1]]);
    const second = (await owner.get(`/documents?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it("refuses a file that is not a photo or PDF, whatever its name, keeping nothing", async () => {
    const owner = await signUp(t.app);
    const businessId = owner.me.user.businessId;
    for (const data of [Buffer.from("<html><script>alert(1)</script></html>"), Buffer.alloc(0), Buffer.from("%PD")]) {
      const res = await upload(owner, { file: { name: "photo.png", data, type: "image/png" } });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe("unsupported_file_type");
    }
    expect(await rowCount(businessId)).toBe(0);
    expect(await storedKeys(businessId)).toEqual([]);
  });

  it("refuses a file over the size limit with 413 and keeps nothing", async () => {
    const owner = await signUp(t.app);
    const businessId = owner.me.user.businessId;
    const res = await upload(owner, { file: { name: "big.pdf", data: pdf(MAX + 1) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "too_large", details: { maxBytes: MAX } });
    expect(await rowCount(businessId)).toBe(0);
    expect(await storedKeys(businessId)).toEqual([]);
    expect((await upload(owner, { file: { name: "exact.pdf", data: pdf(MAX) } })).statusCode).toBe(201);
  });

  it("answers 404 for another business's documents and for attaching to its records", async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    const doc = (await upload(owner, { file: { name: "a.pdf", data: pdf(500) } })).json();
    for (const path of [`/documents/${doc.id}`, `/documents/${doc.id}/content`]) {
      expect((await other.get(path)).statusCode).toBe(404);
    }
    expect((await other.delete(`/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await other.get("/documents")).json().items).toEqual([]);
    expect((await owner.get(`/documents/${doc.id}`)).statusCode).toBe(200);

    const theirCustomer = await addCustomer(other);
    const attach = await upload(owner, {
      fields: { customerId: theirCustomer },
      file: { name: "x.pdf", data: pdf(50) },
    });
    expect(attach.statusCode).toBe(404);
    const noSale = await upload(owner, { fields: { saleId: randomUUID() }, file: { name: "x.pdf", data: pdf(50) } });
    expect(noSale.statusCode).toBe(404);
    const noMove = await upload(owner, {
      fields: { stockMovementId: "999999" },
      file: { name: "x.pdf", data: pdf(50) },
    });
    expect(noMove.statusCode).toBe(404);
  });

  it("lets staff upload and read but only the owner delete or see usage", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(owner);
    const res = await upload(staff, { file: { name: "s.pdf", data: pdf(300) } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await staff.get(`/documents/${id}/content`)).statusCode).toBe(200);
    expect((await staff.delete(`/documents/${id}`)).statusCode).toBe(403);
    expect((await staff.get("/documents/usage")).statusCode).toBe(403);

    expect((await owner.delete(`/documents/${id}`)).statusCode).toBe(200);
    expect((await owner.get(`/documents/${id}`)).statusCode).toBe(404);
    expect(await storedKeys(owner.me.user.businessId)).toEqual([]);
  });

  it("refuses anonymous callers", async () => {
    const owner = await signUp(t.app);
    const id = (await upload(owner, { file: { name: "a.pdf", data: pdf(100) } })).json().id;
    expect((await send(t.app, "GET", "/documents")).statusCode).toBe(401);
    expect((await send(t.app, "GET", `/documents/${id}/content`)).statusCode).toBe(401);
    const { payload, headers } = form({ file: { name: "a.pdf", data: pdf(100) } });
    expect((await send(t.app, "POST", "/documents", payload, headers)).statusCode).toBe(401);
  });

  it("refuses malformed uploads with 400 or 415, keeping nothing", async () => {
    const owner = await signUp(t.app);
    const businessId = owner.me.user.businessId;
    const customerId = await addCustomer(owner);
    const saleId = await addSale(owner);
    const cases: [Upload, number][] = [
      [{ fields: { customerId, saleId }, file: { name: "a.pdf", data: pdf(50) } }, 400],
      [{ fields: { saleId: "not-an-id" }, file: { name: "a.pdf", data: pdf(50) } }, 400],
      [{ fields: { customerId } }, 400],
      [{ file: { name: "a.pdf", data: pdf(50) }, after: { customerId } }, 400],
    ];
    for (const [u, status] of cases) expect((await upload(owner, u)).statusCode, JSON.stringify(u.fields)).toBe(status);
    expect((await owner.post("/documents", { saleId })).statusCode).toBe(415);
    expect(await rowCount(businessId)).toBe(0);
    expect(await storedKeys(businessId)).toEqual([]);
    const rows = await inBusiness(t.database.db, businessId, (tx) =>
      tx
        .select()
        .from(customers)
        .where(and(eq(customers.businessId, businessId), eq(customers.id, customerId))),
    );
    expect(rows).toHaveLength(1);
  });
});
