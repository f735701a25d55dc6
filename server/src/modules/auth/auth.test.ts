import { describe, expect, it } from "vitest";
import { Actor, PASSWORD, send, sessionCookie, signUp, uniqueLogin, useTestApp } from "../../test/api.js";

const MINUTE = 60_000;

describe("sign-up, sessions, cookies and CSRF", () => {
  const t = useTestApp({ TRUST_PROXY: "127.0.0.1" });

  const signupBody = (over: Record<string, unknown> = {}) => ({
    businessName: "Duka Ya Juma",
    currency: "KES",
    timeZone: "Africa/Nairobi",
    locationName: "Main",
    ownerName: "Juma",
    login: uniqueLogin("owner"),
    password: PASSWORD,
    ...over,
  });

  it("validates sign-up: currency, time zone, password and a duplicate login", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ currency: "XYZ1" }, /currency/],
      [{ timeZone: "Mars/Olympus" }, /time zone/],
      [{ password: "short" }, /at least 8/],
      [{ password: "qwertyuiop" }, /too easy/],
    ];
    for (const [over, message] of cases) {
      const res = await send(t.app, "POST", "/auth/signup", signupBody(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    const login = uniqueLogin("dup");
    expect((await send(t.app, "POST", "/auth/signup", signupBody({ login }))).statusCode).toBe(201);
    const dup = await send(t.app, "POST", "/auth/signup", signupBody({ login: login.toUpperCase() }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("login_taken");
  });

  it("sets an HttpOnly, SameSite=Lax cookie over HTTP, and adds Secure and __Host- over HTTPS", async () => {
    const plain = await send(t.app, "POST", "/auth/signup", signupBody());
    const c = plain.cookies.find((k) => k.name === "duka_session");
    expect(c).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(c?.secure).toBeFalsy();
    expect(c?.value.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64url

    const https = await send(t.app, "POST", "/auth/signup", signupBody(), { "x-forwarded-proto": "https" });
    const s = https.cookies.find((k) => k.name === "__Host-duka_session");
    expect(s).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true, path: "/" });
    expect(s).not.toHaveProperty("domain");
    const me = await send(t.app, "GET", "/me", undefined, {
      cookie: sessionCookie(https),
      "x-forwarded-proto": "https",
    });
    expect(me.statusCode).toBe(200);
  });

  it("marks every API answer, success or failure, not to be stored by any cache", async () => {
    const owner = await signUp(t.app);
    for (const res of [await owner.get("/me"), await owner.get("/products"), await send(t.app, "GET", "/me")]) {
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  it("issues a new token at each sign-in and revokes it at logout", async () => {
    const owner = await signUp(t.app);
    const login = uniqueLogin("staff");
    await owner.post("/users", { name: "S", login, password: PASSWORD, role: "staff" });
    const first = await send(t.app, "POST", "/auth/login", { login, password: PASSWORD });
    const second = await send(t.app, "POST", "/auth/login", { login, password: PASSWORD });
    expect(sessionCookie(first)).not.toBe(sessionCookie(second));
    const staff = new Actor(t.app, sessionCookie(first), first.json());
    const out = await staff.post("/auth/logout");
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((k) => k.name === "duka_session")?.value).toBe("");
    expect((await staff.get("/me")).statusCode).toBe(401);
    expect((await send(t.app, "GET", "/me", undefined, { cookie: sessionCookie(second) })).statusCode).toBe(200);
  });

  it("ends a session after 2 hours idle", async () => {
    const owner = await signUp(t.app);
    t.clock.advance(119 * MINUTE);
    expect((await owner.get("/me")).statusCode).toBe(200);
    t.clock.advance(119 * MINUTE); // active again within the idle limit: still signed in
    expect((await owner.get("/me")).statusCode).toBe(200);
    t.clock.advance(121 * MINUTE);
    const res = await owner.get("/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/sign in again/);
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const owner = await signUp(t.app);
    for (let h = 0; h < 11; h++) {
      t.clock.advance(60 * MINUTE);
      expect((await owner.get("/me")).statusCode, `hour ${h + 1}`).toBe(200);
    }
    t.clock.advance(60 * MINUTE);
    expect((await owner.get("/me")).statusCode).toBe(401);
  });

  it("refuses cross-site state changes and lets same-origin ones through", async () => {
    const owner = await signUp(t.app);
    const body = { name: "Branch" };
    const crossSite = await owner.request("POST", "/locations", body, { "sec-fetch-site": "cross-site" });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe("cross_site_request");
    const evil = await owner.request("POST", "/locations", body, { origin: "https://evil.example" });
    expect(evil.statusCode).toBe(403);
    // A cross-site form post is refused before anything else, even sign-in.
    const form = await send(
      t.app,
      "POST",
      "/auth/login",
      { login: "x@y.z", password: "x" },
      {
        "sec-fetch-site": "cross-site",
      },
    );
    expect(form.statusCode).toBe(403);
    const same = await owner.request("POST", "/locations", body, {
      "sec-fetch-site": "same-origin",
      origin: "http://shop.example",
      host: "shop.example",
    });
    expect(same.statusCode).toBe(201);
    const byOrigin = await owner.request(
      "POST",
      "/locations",
      { name: "Branch 2" },
      {
        origin: "https://shop.example",
        host: "shop.example",
        "x-forwarded-proto": "https",
      },
    );
    expect(byOrigin.statusCode).toBe(201);
    expect((await owner.get("/locations")).json().items).toHaveLength(3);
  });
});
