import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { uploadDocument } from "../../test/multipart.js";

const QUOTA = 50_000;
const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(size)]).subarray(0, size);

describe("per-business storage quota", () => {
  const t = useTestApp({ DOCUMENT_QUOTA_BYTES: String(QUOTA), DOCUMENT_MAX_BYTES: "30000" });

  it("refuses an upload past the quota with a message, shows the quota, and frees room on delete", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    const first = await uploadDocument(staff, { file: { name: "a.pdf", data: pdf(25_000) } });
    expect(first.statusCode, first.body).toBe(201);
    expect((await uploadDocument(staff, { file: { name: "b.pdf", data: pdf(20_000) } })).statusCode).toBe(201);

    const over = await uploadDocument(staff, { file: { name: "c.pdf", data: pdf(10_000) } });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("storage_quota_exceeded");
    expect(over.json().error.message).toMatch(/storage is full: .* of .* used/);

    const usage = (await owner.get("/documents/usage")).json();
    expect(usage).toEqual({ count: 2, totalBytes: 45_000, quotaBytes: QUOTA });
    // The refused file left nothing behind.
    const stored: string[] = [];
    for await (const o of t.app.deps.files.raw.list(`documents/${owner.me.user.businessId}/`)) stored.push(o.key);
    expect(stored).toHaveLength(2);

    // Another business has its own quota.
    const other = await signUp(t.app);
    expect((await uploadDocument(other, { file: { name: "d.pdf", data: pdf(10_000) } })).statusCode).toBe(201);

    expect((await owner.delete(`/documents/${first.json().id}`)).statusCode).toBe(200);
    expect((await uploadDocument(staff, { file: { name: "c.pdf", data: pdf(10_000) } })).statusCode).toBe(201);
  });

  it("lets no more than the quota in when uploads arrive at once", async () => {
    const owner = await signUp(t.app);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => uploadDocument(owner, { file: { name: `${i}.pdf`, data: pdf(15_000) } })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 409, 409, 409]);
    expect((await owner.get("/documents/usage")).json().totalBytes).toBe(45_000);
  });
});

describe("file names", () => {
  const t = useTestApp();

  it("strips direction controls, so a name shows what the file is", async () => {
    const owner = await signUp(t.app);
    const res = await uploadDocument(owner, { file: { name: "fa\u202egnp.exe\u2066.pdf", data: pdf(2000) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).toBe("fagnp.exe.pdf");
  });
});
