import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { logIn, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { LOGIN_LIMIT, LOGIN_WINDOW_MS } from "./lockout.js";

const from = (ip: string) => ({ "x-forwarded-for": ip });

describe("sign-in lockout", () => {
  // Behind a proxy, so each test can speak from its own client address.
  const t = useTestApp({ TRUST_PROXY: "true" });

  const attempt = (login: string, password: string, ip: string) =>
    send(t.app, "POST", "/auth/login", { login, password }, from(ip));

  it("answers 429 with Retry-After after 10 failures, spares known addresses, other accounts and addresses, and lifts after the window", async () => {
    const owner = await signUp(t.app);
    const victim = uniqueLogin("victim");
    await owner.post("/users", { name: "V", login: victim, password: PASSWORD, role: "staff" });
    const bystander = uniqueLogin("bystander");
    await owner.post("/users", { name: "B", login: bystander, password: PASSWORD, role: "staff" });

    // The victim's own phone has signed in before.
    expect((await attempt(victim, PASSWORD, "10.0.0.9")).statusCode).toBe(200);
    for (let i = 0; i < LOGIN_LIMIT; i++)
      expect((await attempt(victim, "wrong-guess", "10.0.0.1")).statusCode).toBe(401);
    const locked = await attempt(victim, PASSWORD, "10.0.0.1");
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("too_many_attempts");
    const retry = Number(locked.headers["retry-after"]);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000);
    // The account is locked from any new address, even with the right password…
    expect((await attempt(victim, PASSWORD, "10.0.0.2")).statusCode).toBe(429);
    // …but not where the victim signed in before: a stranger cannot lock the owner out of their own phone.
    expect((await attempt(victim, PASSWORD, "10.0.0.9")).statusCode).toBe(200);
    // Another account from another address signs in as usual.
    expect((await attempt(bystander, PASSWORD, "10.0.0.3")).statusCode).toBe(200);

    t.clock.advance(retry * 1000);
    expect((await attempt(victim, PASSWORD, "10.0.0.1")).statusCode).toBe(200);
  });

  it("counts per address: one address's success does not clear another's failures", async () => {
    const owner = await signUp(t.app);
    const login = uniqueLogin("staff");
    await owner.post("/users", { name: "S", login, password: PASSWORD, role: "staff" });
    const others = Array.from({ length: LOGIN_LIMIT }, () => uniqueLogin("nobody"));
    for (const nobody of others.slice(0, 5)) await attempt(nobody, "wrong-guess", "10.1.0.1");
    expect((await attempt(login, PASSWORD, "10.1.0.2")).statusCode).toBe(200);
    for (const nobody of others.slice(5)) await attempt(nobody, "wrong-guess", "10.1.0.1");
    const res = await attempt(login, PASSWORD, "10.1.0.1");
    expect(res.statusCode).toBe(429);
    expect(res.headers["retry-after"]).toBeDefined();
    expect((await logIn(t.app, login)).me.user.role).toBe("staff");
  });

  it("forgets failures older than the window when it records a new one", async () => {
    for (let i = 0; i < 3; i++) await attempt(uniqueLogin("old"), "wrong-guess", "10.2.0.1");
    t.clock.advance(LOGIN_WINDOW_MS + 1000);
    await attempt(uniqueLogin("new"), "wrong-guess", "10.2.0.9");
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from login_attempts where key = 'ip:10.2.0.1'`,
    );
    expect(row?.n).toBe(0);
  });

  it("audits failed and successful sign-ins", async () => {
    const owner = await signUp(t.app);
    const login = uniqueLogin("staff");
    await owner.post("/users", { name: "S", login, password: PASSWORD, role: "staff" });
    await attempt(login, "wrong-guess", "10.3.0.1");
    await attempt(login, PASSWORD, "10.3.0.2");
    const items = (await owner.get("/audit")).json().items as { action: string; ip: string }[];
    expect(items.slice(0, 2)).toMatchObject([
      { action: "auth.login", ip: "10.3.0.2" },
      { action: "auth.login_failed", ip: "10.3.0.1" },
    ]);
  });
});
