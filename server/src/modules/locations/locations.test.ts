import { describe, expect, it } from "vitest";
import type { Ctx } from "../../lib/context.js";
import { logIn, PASSWORD, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { assertMayActAt } from "./locations.service.js";

describe("locations", () => {
  const t = useTestApp();

  it("creates, renames and closes locations; names are unique per business", async () => {
    const owner = await signUp(t.app);
    const made = await owner.post("/locations", { name: "Market stall", address: "Gikomba" });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ name: "Market stall", address: "Gikomba", active: true });
    const dup = await owner.post("/locations", { name: "MARKET STALL" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("location_name_taken");
    const id = made.json().id;
    expect((await owner.patch(`/locations/${id}`, { name: "Main shop" })).statusCode).toBe(409);
    const renamed = await owner.patch(`/locations/${id}`, { name: "Stall 2", address: null, active: false });
    expect(renamed.json()).toMatchObject({ name: "Stall 2", address: null, active: false });
    // Another business may use the same name.
    expect((await (await signUp(t.app)).post("/locations", { name: "Stall 2" })).statusCode).toBe(201);
    const actions = (await owner.get("/audit")).json().items.map((i: { action: string }) => i.action);
    expect(actions.slice(0, 2)).toEqual(["location.deactivated", "location.created"]);
  });

  it("will not close the last open location", async () => {
    const owner = await signUp(t.app);
    const [main] = (await owner.get("/locations")).json().items;
    const res = await owner.patch(`/locations/${main.id}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("last_location");
  });

  it("shows staff only the open locations they may work at", async () => {
    const owner = await signUp(t.app);
    const closed = (await owner.post("/locations", { name: "Old" })).json().id;
    await owner.patch(`/locations/${closed}`, { active: false });
    const login = uniqueLogin("staff");
    await owner.post("/users", { name: "S", login, password: PASSWORD, role: "staff" });
    const staff = await logIn(t.app, login);
    const names = (await staff.get("/locations")).json().items.map((l: { name: string }) => l.name);
    expect(names).toEqual(["Main shop"]);
    expect((await owner.get("/locations")).json().items).toHaveLength(2);
  });

  it("lets other modules refuse an action at a location the user is not assigned to", () => {
    const ctx = { locationIds: ["loc-a"] } as Ctx;
    expect(() => assertMayActAt(ctx, "loc-a")).not.toThrow();
    expect(() => assertMayActAt(ctx, "loc-b")).toThrow(/your own location/);
    expect(() => assertMayActAt({ locationIds: null } as Ctx, "loc-b")).not.toThrow();
  });
});
