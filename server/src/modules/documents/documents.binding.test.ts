import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { uploadDocument } from "../../test/multipart.js";

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n`);

describe("a stored file is bound to its business and document", () => {
  const t = useTestApp();

  it("refuses a file swapped with another business's, without naming a key to the client", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const docA = (await uploadDocument(a, { file: { name: "a.pdf", data: pdf("A-INVOICE") } })).json().id;
    const docB = (await uploadDocument(b, { file: { name: "b.pdf", data: pdf("B-INVOICE") } })).json().id;
    const keyA = `documents/${a.me.user.businessId}/${docA}`;
    const keyB = `documents/${b.me.user.businessId}/${docB}`;
    const { raw, ring } = t.app.deps.files;
    const bytesA = Buffer.concat(await (await raw.get(keyA)).toArray());
    const bytesB = Buffer.concat(await (await raw.get(keyB)).toArray());
    await raw.put(keyA, bytesB);
    await raw.put(keyB, bytesA);

    for (const [owner, id] of [
      [a, docA],
      [b, docB],
    ] as const) {
      const res = await owner.get(`/documents/${id}/content`);
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe("decrypt_failed");
      expect(res.body).not.toContain("INVOICE");
      expect(res.body).not.toContain(ring.current.id.toString("hex"));
      expect(res.body).not.toContain("documents/");
    }

    // Put back in place, each opens again: nothing was damaged, only moved.
    await raw.put(keyA, bytesA);
    await raw.put(keyB, bytesB);
    expect((await a.get(`/documents/${docA}/content`)).body).toContain("A-INVOICE");
  });
});
