import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";

describe("audit log", () => {
  const t = useTestApp();

  it("pages newest first with a cursor, naming who did what, and shows only this business", async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    await other.post("/locations", { name: "Theirs" });
    for (const name of ["L1", "L2", "L3", "L4"]) await owner.post("/locations", { name });
    const first = await owner.get("/audit?limit=3");
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((i: { details: { name?: string } }) => i.details?.name)).toEqual(["L4", "L3", "L2"]);
    expect(page1.items[0]).toMatchObject({ action: "location.created", userName: "Amina", entity: "location" });
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await owner.get(`/audit?limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { action: string }) => i.action)).toEqual(["location.created", "business.created"]);
    expect(page2.nextCursor).toBeNull();
    expect(JSON.stringify([page1, page2])).not.toContain("Theirs");
    expect((await owner.get("/audit?cursor=abc")).statusCode).toBe(400);
  });
});
