import { describe, expect, it } from "vitest";
import { type Actor, logIn, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "../../test/api.js";

describe("owner manages users", () => {
  const t = useTestApp();

  async function addStaff(owner: Actor, extra: Record<string, unknown> = {}) {
    const login = uniqueLogin("staff");
    const res = await owner.post("/users", { name: "Juma", login, password: PASSWORD, role: "staff", ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return { login, user: res.json() as { id: string } };
  }

  it("creates and lists staff without ever showing a password hash", async () => {
    const owner = await signUp(t.app);
    const { login, user } = await addStaff(owner);
    const list = await owner.get("/users");
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Record<string, unknown>[];
    expect(items.map((u) => u.id)).toEqual([owner.me.user.id, user.id]);
    expect(items.find((u) => u.id === user.id)).toMatchObject({
      name: "Juma",
      role: "staff",
      active: true,
      locationId: null,
    });
    expect(list.body).not.toMatch(/argon2|passwordHash|password_hash/);
    const staff = await logIn(t.app, login);
    expect(staff.me.user.role).toBe("staff");
  });

  it("applies the password rules", async () => {
    const owner = await signUp(t.app);
    const body = { name: "X", login: uniqueLogin(), role: "staff" };
    const cases: [string, RegExp][] = [
      ["short", /at least 8/],
      ["x".repeat(129), /at most 128/],
      ["password123", /too easy to guess/],
    ];
    for (const [password, message] of cases) {
      const res = await owner.post("/users", { ...body, password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    expect((await owner.post("/users", { ...body, password: "y".repeat(128) })).statusCode).toBe(400);
    expect((await owner.post("/users", { ...body, password: "amber-kettle-ocean-7".repeat(6) })).statusCode).toBe(201);
  });

  it("assigns a location of this business only", async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    const theirs = (await other.post("/locations", { name: "Far shop" })).json().id;
    const res = await owner.post("/users", {
      name: "X",
      login: uniqueLogin(),
      password: PASSWORD,
      role: "staff",
      locationId: theirs,
    });
    expect(res.statusCode).toBe(404);
    const mine = (await owner.post("/locations", { name: "Kiosk" })).json().id;
    const { user } = await addStaff(owner, { locationId: mine });
    const staff = (await owner.get("/users")).json().items.find((u: { id: string }) => u.id === user.id);
    expect(staff.locationId).toBe(mine);
    const cleared = await owner.patch(`/users/${user.id}`, { locationId: null, name: "Juma K" });
    expect(cleared.json()).toMatchObject({ locationId: null, name: "Juma K" });
  });

  it("deactivation ends the user's sessions at once; reactivation lets them sign in again", async () => {
    const owner = await signUp(t.app);
    const { login, user } = await addStaff(owner);
    const staff = await logIn(t.app, login);
    expect((await staff.get("/me")).statusCode).toBe(200);
    const off = await owner.patch(`/users/${user.id}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await staff.get("/me")).statusCode).toBe(401);
    const again = await send(t.app, "POST", "/auth/login", { login, password: PASSWORD });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.message).toMatch(/switched off/);
    await owner.patch(`/users/${user.id}`, { active: true });
    expect((await logIn(t.app, login)).me.user.id).toBe(user.id);
  });

  it("never lets the business lose its last active owner", async () => {
    const owner = await signUp(t.app);
    const self = owner.me.user.id;
    for (const change of [{ active: false }, { role: "staff" }]) {
      const res = await owner.patch(`/users/${self}`, change);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/your own account/);
    }
    const second = await addStaff(owner, { role: "owner" });
    const other = await logIn(t.app, second.login);
    // The second owner may demote the first while another active owner remains…
    expect((await other.patch(`/users/${self}`, { role: "staff" })).statusCode).toBe(200);
    expect((await other.patch(`/users/${self}`, { role: "owner" })).statusCode).toBe(200);
    // …and the first may switch the second off, but the renamed-only change on self is fine.
    expect((await owner.patch(`/users/${second.user.id}`, { active: false })).statusCode).toBe(200);
    expect((await owner.patch(`/users/${self}`, { name: "Amina M" })).statusCode).toBe(200);
  });

  it("an owner's password reset ends that user's sessions and the new password works", async () => {
    const owner = await signUp(t.app);
    const { login, user } = await addStaff(owner);
    const staff = await logIn(t.app, login);
    const weak = await owner.post(`/users/${user.id}/password`, { password: "12345678" });
    expect(weak.statusCode).toBe(400);
    const reset = await owner.post(`/users/${user.id}/password`, { password: "fresh-lemon-tree-9" });
    expect(reset.statusCode).toBe(200);
    expect((await staff.get("/me")).statusCode).toBe(401);
    expect((await send(t.app, "POST", "/auth/login", { login, password: PASSWORD })).statusCode).toBe(401);
    expect((await logIn(t.app, login, "fresh-lemon-tree-9")).me.user.id).toBe(user.id);
    expect((await owner.get("/me")).statusCode).toBe(200);
  });

  it("changing one's own password keeps this session and ends the others", async () => {
    const owner = await signUp(t.app);
    const { login } = await addStaff(owner);
    const here = await logIn(t.app, login);
    const phone = await logIn(t.app, login);
    const wrong = await here.post("/me/password", {
      currentPassword: "not-it-at-all",
      newPassword: "blue-goat-hill-3",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/current password/);
    const res = await here.post("/me/password", { currentPassword: PASSWORD, newPassword: "blue-goat-hill-3" });
    expect(res.statusCode).toBe(200);
    expect((await here.get("/me")).statusCode).toBe(200);
    expect((await phone.get("/me")).statusCode).toBe(401);
    await logIn(t.app, login, "blue-goat-hill-3");
  });

  it("writes every owner action to the audit log with who and from where", async () => {
    const owner = await signUp(t.app);
    const { user } = await addStaff(owner);
    await owner.patch(`/users/${user.id}`, { name: "Juma K" });
    await owner.patch(`/users/${user.id}`, { active: false });
    await owner.post(`/users/${user.id}/password`, { password: "fresh-lemon-tree-9" });
    const items = (await owner.get("/audit")).json().items as { action: string; entityId: string }[];
    const mine = items.filter((i) => i.entityId === user.id).map((i) => i.action);
    expect(mine).toEqual(["user.password_reset", "user.deactivated", "user.updated", "user.created"]);
    expect(items[0]).toMatchObject({ userId: owner.me.user.id, userName: "Amina", ip: "127.0.0.1" });
  });

  it("answers 404 for an unknown user", async () => {
    const owner = await signUp(t.app);
    const res = await owner.patch("/users/00000000-0000-4000-8000-000000000000", { name: "X" });
    expect(res.statusCode).toBe(404);
  });
});
