import { afterAll, describe, expect, it } from "vitest";
import { createTestApp, PASSWORD, sessionCookie, uniqueLogin } from "../../test/api.js";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Signs up from a client address with the headers it chooses; answers the address the audit log recorded and the cookie's name. */
async function signUpFrom(t: TestApp, remoteAddress: string, headers: Record<string, string>) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/signup",
    remoteAddress,
    headers,
    payload: {
      businessName: "Proxy Shop",
      currency: "KES",
      timeZone: "Africa/Nairobi",
      locationName: "Main",
      ownerName: "Amina",
      login: uniqueLogin("owner"),
      password: PASSWORD,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const cookie = sessionCookie(res);
  const audit = await t.app.inject({
    method: "GET",
    url: "/api/v1/audit",
    remoteAddress,
    headers: { ...headers, cookie },
  });
  const [created] = (audit.json().items as { action: string; ip: string }[]).filter(
    (i) => i.action === "business.created",
  );
  return { ip: created?.ip, cookie: cookie.split("=")[0], hsts: res.headers["strict-transport-security"] };
}

const forged = { "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-forwarded-proto": "https" };

describe("TRUST_PROXY and forged X-Forwarded-* headers", () => {
  const apps: TestApp[] = [];
  const appWith = async (env: Record<string, string>) => {
    const t = await createTestApp(env);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it("by default believes no header: the address is the connection's, the scheme plain HTTP", async () => {
    const t = await appWith({});
    expect(await signUpFrom(t, "198.51.100.20", forged)).toEqual({
      ip: "198.51.100.20",
      cookie: "duka_session",
      hsts: undefined,
    });
  });

  it("with one hop, believes only what the load balancer added, not what the client wrote before it", async () => {
    const t = await appWith({ TRUST_PROXY: "1" });
    // The client forged 6.6.6.6; the load balancer at 10.0.0.5 appended the address it saw.
    const behind = await signUpFrom(t, "10.0.0.5", forged);
    expect(behind.ip).toBe("203.0.113.7");
    expect(behind.cookie).toBe("__Host-duka_session");
    expect(behind.hsts).toMatch(/max-age=\d+/);
  });

  it("with a list of proxies, believes the headers only from those, and not from a client that writes them itself", async () => {
    const t = await appWith({ TRUST_PROXY: "10.0.0.0/8" });
    expect((await signUpFrom(t, "10.1.2.3", forged)).ip).toBe("203.0.113.7");
    const direct = await signUpFrom(t, "198.51.100.30", forged);
    expect(direct).toEqual({ ip: "198.51.100.30", cookie: "duka_session", hsts: undefined });
  });

  it("a client cannot pick its own address to escape the per-address limit", async () => {
    const t = await appWith({ TRUST_PROXY: "1" });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "10.0.0.5",
        // A new forged address each time; the load balancer always appends the real one.
        headers: { "x-forwarded-for": `6.6.6.${i}, 203.0.113.9` },
        payload: { login: uniqueLogin("nobody"), password: "wrong-guess" },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });
});
