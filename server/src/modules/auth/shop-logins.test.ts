import { describe, expect, it } from "vitest";
import { type Actor, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "../../test/api.js";

/** Staff logins are unique within their shop; owners' across Duka; a phone names its shop by code. */
describe("logins per shop and shop codes", () => {
  const t = useTestApp();

  const addStaff = (owner: Actor, login: string, password = PASSWORD) =>
    owner.post("/users", { name: "Juma", login, password, role: "staff" });
  const signIn = (login: string, password: string, shopCode?: string) =>
    send(t.app, "POST", "/auth/login", { login, password, ...(shopCode ? { shopCode } : {}) });

  it("gives every shop its own six-character code, shown to its owner and staff", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    for (const code of [a.me.business.shopCode, b.me.business.shopCode]) {
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    }
    expect(a.me.business.shopCode).not.toBe(b.me.business.shopCode);
    expect((await addStaff(a, "amani")).statusCode).toBe(201);
    const staff = await signIn("amani", PASSWORD, a.me.business.shopCode);
    expect(staff.json().business.shopCode).toBe(a.me.business.shopCode);
  });

  it("lets two shops each have a 'juma', and a duplicate within a shop tells nothing of other shops", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const login = `juma-${uniqueLogin().slice(5, 15)}`;
    expect((await addStaff(a, login)).statusCode).toBe(201);
    const other = await addStaff(b, login, "other-mango-tree-7");
    expect(other.statusCode, other.body).toBe(201);
    const dup = await addStaff(a, login.toUpperCase());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "login_taken", message: expect.stringMatching(/in this shop/) });

    // Without a code the phone is asked for one, once; with it, each shop's Juma signs in to his shop.
    const asked = await signIn(login, PASSWORD);
    expect(asked.statusCode).toBe(400);
    expect(asked.json().error.code).toBe("shop_code_required");
    const inA = await signIn(login, PASSWORD, a.me.business.shopCode.toLowerCase());
    expect(inA.statusCode).toBe(200);
    expect(inA.json().business.id).toBe(a.me.business.id);
    const inB = await signIn(login, "other-mango-tree-7", b.me.business.shopCode);
    expect(inB.json().business.id).toBe(b.me.business.id);
    // A's password in B's shop is just a wrong password.
    expect((await signIn(login, PASSWORD, b.me.business.shopCode)).statusCode).toBe(401);
  });

  it("signs in an owner, or the only staff member with that login, without a code, as today", async () => {
    const owner = await signUp(t.app, { login: uniqueLogin("owner") });
    const login = uniqueLogin("only");
    expect((await addStaff(owner, login)).statusCode).toBe(201);
    expect((await signIn(login, PASSWORD)).statusCode).toBe(200);
    expect((await signIn(await ownerLogin(owner), PASSWORD)).statusCode).toBe(200);
    // A phone that remembers another shop still signs its owner in: owners are unique across Duka.
    const other = await signUp(t.app);
    expect((await signIn(await ownerLogin(owner), PASSWORD, other.me.business.shopCode)).statusCode).toBe(200);
  });

  it("keeps owners' logins unique across Duka, and a staff login may equal another shop's owner's", async () => {
    const login = uniqueLogin("owner");
    const first = await signUp(t.app, { login });
    const again = await send(t.app, "POST", "/auth/signup", {
      businessName: "Second",
      currency: "KES",
      timeZone: "Africa/Nairobi",
      locationName: "Main",
      ownerName: "Other",
      login,
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("login_taken");
    const other = await signUp(t.app);
    expect((await addStaff(other, login, "staff-plum-road-5")).statusCode).toBe(201);
    // Without a code the owner is meant; with the shop's code, its staff member.
    expect((await signIn(login, PASSWORD)).json().business.id).toBe(first.me.business.id);
    const staff = await signIn(login, "staff-plum-road-5", other.me.business.shopCode);
    expect(staff.json()).toMatchObject({ user: { role: "staff" }, business: { id: other.me.business.id } });
    // Promoting that staff member to owner would make two owners share a login: refused.
    const list = (await other.get("/users")).json().items as { id: string; login: string }[];
    const id = list.find((u) => u.login === login)?.id;
    const promote = await other.patch(`/users/${id}`, { role: "owner" });
    expect(promote.statusCode).toBe(409);
  });

  async function ownerLogin(owner: Actor) {
    const items = (await owner.get("/users")).json().items as { id: string; login: string }[];
    return items.find((u) => u.id === owner.me.user.id)?.login ?? "";
  }
});
