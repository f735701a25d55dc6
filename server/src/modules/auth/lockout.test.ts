import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { logIn, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { LOGIN_LIMIT, LOGIN_WINDOW_MS } from "./lockout.js";

const from = (ip: string) => ({ "x-forwarded-for": ip });

describe("sign-in lockout", () => {
  // Behind a proxy at 127.0.0.1 (where app.inject speaks from), so each test picks its client address.
  const t = useTestApp({ TRUST_PROXY: "127.0.0.1" });

  const attempt = (login: string, password: string, ip: string) =>
    send(t.app, "POST", "/auth/login", { login, password }, from(ip));

  async function staffOf(owner: Awaited<ReturnType<typeof signUp>>, prefix = "staff") {
    const login = uniqueLogin(prefix);
    expect((await owner.post("/users", { name: prefix, login, password: PASSWORD, role: "staff" })).statusCode).toBe(
      201,
    );
    return login;
  }

  it("answers 429 with Retry-After after 10 failures, spares known addresses, other accounts and addresses, and lifts after the window", async () => {
    const owner = await signUp(t.app);
    const victim = await staffOf(owner, "victim");
    const bystander = await staffOf(owner, "bystander");

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

  it("warns two tries before the lock, and tells staff who can help", async () => {
    const owner = await signUp(t.app);
    const login = await staffOf(owner);
    const messages: string[] = [];
    for (let i = 0; i < LOGIN_LIMIT; i++)
      messages.push((await attempt(login, "wrong-guess", "10.5.0.1")).json().error.message);
    expect(messages[LOGIN_LIMIT - 4]).toBe("Wrong login or password.");
    expect(messages[LOGIN_LIMIT - 3]).toMatch(
      /2 tries left\. If you are staff, ask the owner to reset your password\./,
    );
    expect(messages[LOGIN_LIMIT - 2]).toMatch(/1 try left/);
    expect(messages[LOGIN_LIMIT - 1]).toMatch(/next try will be refused/);
    const locked = await attempt(login, "wrong-guess", "10.5.0.1");
    expect(locked.json().error.message).toMatch(/owner can reset your password/);
  });

  it("an address full of other accounts' failures does not refuse a known account's right password", async () => {
    const owner = await signUp(t.app);
    const regular = await staffOf(owner, "regular");
    const newcomer = await staffOf(owner, "newcomer");
    const shop = "10.6.0.1"; // one NAT for the whole street
    expect((await attempt(regular, PASSWORD, shop)).statusCode).toBe(200);
    // A stranger behind the same address sprays many accounts.
    for (let i = 0; i < LOGIN_LIMIT; i++)
      expect((await attempt(uniqueLogin("nobody"), "wrong-guess", shop)).statusCode).toBe(401);
    expect((await attempt(uniqueLogin("nobody"), "wrong-guess", shop)).statusCode).toBe(429);
    // The account that signs in here every day still does, with its right password.
    expect((await attempt(regular, PASSWORD, shop)).statusCode).toBe(200);
    // An account never seen at this address waits, or signs in from anywhere else.
    expect((await attempt(newcomer, PASSWORD, shop)).statusCode).toBe(429);
    expect((await attempt(newcomer, PASSWORD, "10.6.0.2")).statusCode).toBe(200);
    // A known address is not a free guessing ground: failures there are counted for that account.
    for (let i = 0; i < LOGIN_LIMIT; i++) expect((await attempt(regular, "wrong-guess", shop)).statusCode).toBe(401);
    expect((await attempt(regular, PASSWORD, shop)).statusCode).toBe(429);
    // Those failures at the known address do not lock the account elsewhere.
    expect((await attempt(regular, PASSWORD, "10.6.0.3")).statusCode).toBe(200);
  });

  it("counts every one of 300 parallel guesses before checking any: at most the limit are checked", async () => {
    const owner = await signUp(t.app);
    // From one address, and from 300 addresses: the per-address and the per-account counters.
    for (const ipOf of [() => "10.7.0.1", (i: number) => `10.8.${i >> 8}.${i & 255}`]) {
      const target = await staffOf(owner);
      const res = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(target, "wrong-guess", ipOf(i))));
      const codes = res.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(LOGIN_LIMIT);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(300 - LOGIN_LIMIT);
      expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
    }
  });

  it("POST /me/password: 300 parallel guesses of the current password check at most the limit", async () => {
    const owner = await signUp(t.app);
    const res = await Promise.all(
      Array.from({ length: 300 }, () =>
        owner.post("/me/password", { currentPassword: "wrong-guess", newPassword: "blue-goat-hill-3" }),
      ),
    );
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 400).length).toBeLessThanOrEqual(LOGIN_LIMIT);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(300 - LOGIN_LIMIT);
    // The right password is refused too while the counter is full, and accepted once it slides.
    const right = { currentPassword: PASSWORD, newPassword: "blue-goat-hill-3" };
    expect((await owner.post("/me/password", right)).statusCode).toBe(429);
    t.clock.advance(LOGIN_WINDOW_MS + 1000);
    expect((await owner.post("/me/password", right)).statusCode).toBe(200);
  });

  it("a success does not count: one address's success does not clear another's failures", async () => {
    const owner = await signUp(t.app);
    const login = await staffOf(owner);
    const others = Array.from({ length: LOGIN_LIMIT }, () => uniqueLogin("nobody"));
    for (const nobody of others.slice(0, 5)) await attempt(nobody, "wrong-guess", "10.1.0.1");
    expect((await attempt(login, PASSWORD, "10.1.0.2")).statusCode).toBe(200);
    for (const nobody of others.slice(5)) await attempt(nobody, "wrong-guess", "10.1.0.1");
    const res = await attempt(login, PASSWORD, "10.1.0.1");
    expect(res.statusCode).toBe(429);
    expect(res.headers["retry-after"]).toBeDefined();
    // Many successes from one address never lock it.
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) expect((await attempt(login, PASSWORD, "10.1.0.2")).statusCode).toBe(200);
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
    const login = await staffOf(owner);
    await attempt(login, "wrong-guess", "10.3.0.1");
    await attempt(login, PASSWORD, "10.3.0.2");
    const items = (await owner.get("/audit")).json().items as { action: string; ip: string }[];
    expect(items.slice(0, 2)).toMatchObject([
      { action: "auth.login", ip: "10.3.0.2" },
      { action: "auth.login_failed", ip: "10.3.0.1" },
    ]);
  });
});
