import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import { logIn, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { LOGIN_LIMIT, LOGIN_WINDOW_MS } from "./lockout.js";
import { hashRecoveryCode } from "./recovery.service.js";

const NEW_PASSWORD = "fresh-lemon-tree-9";

describe("owner recovery with the code from sign-up", () => {
  const t = useTestApp();

  async function ownerWithCode() {
    const login = uniqueLogin("owner");
    const res = await send(t.app, "POST", "/auth/signup", {
      businessName: "Recovery Shop",
      currency: "KES",
      timeZone: "Africa/Nairobi",
      locationName: "Main",
      ownerName: "Amina",
      login,
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    const code = res.json().recoveryCode as string;
    return { login, code, owner: await logIn(t.app, login) };
  }

  it("gives the owner a code at sign-up, stored only as a hash", async () => {
    const { code, owner } = await ownerWithCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    const [row] = await inBusiness(t.database.db, owner.me.business.id, (tx) =>
      queryRows<{ recovery_hash: string }>(tx, sql`select recovery_hash from users where id = ${owner.me.user.id}`),
    );
    expect(row?.recovery_hash).toBe(hashRecoveryCode(code));
    expect(row?.recovery_hash).not.toContain(code.replaceAll("-", ""));
  });

  it("sets a new password, ends every session, spends the code, and writes the audit log", async () => {
    const { login, code, owner } = await ownerWithCode();
    const res = await send(t.app, "POST", "/auth/recover", {
      login: login.toUpperCase(),
      recoveryCode: code.toLowerCase().replaceAll("-", " "),
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json().recoveryCode as string;
    expect(next).not.toBe(code);
    expect((await owner.get("/me")).statusCode).toBe(401);
    expect((await send(t.app, "POST", "/auth/login", { login, password: PASSWORD })).statusCode).toBe(401);
    const back = await logIn(t.app, login, NEW_PASSWORD);
    const audit = (await back.get("/audit")).json().items as { action: string; details: unknown }[];
    expect(audit.find((a) => a.action === "user.password_recovered")).toMatchObject({
      details: { by: "recovery_code" },
    });
    // The old code is spent; the new one works.
    const again = { login, recoveryCode: code, newPassword: "other-plum-road-5" };
    expect((await send(t.app, "POST", "/auth/recover", again)).statusCode).toBe(400);
    expect((await send(t.app, "POST", "/auth/recover", { ...again, recoveryCode: next })).statusCode).toBe(200);
  });

  it("refuses a wrong code, staff, weak passwords, and too many guesses", async () => {
    const { login, code } = await ownerWithCode();
    const wrong = await send(t.app, "POST", "/auth/recover", {
      login,
      recoveryCode: "AAAA-BBBB-CCCC-DDDD",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("wrong_recovery_code");
    const weak = await send(t.app, "POST", "/auth/recover", { login, recoveryCode: code, newPassword: "password123" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/too easy/);
    const malformed = await send(t.app, "POST", "/auth/recover", {
      login,
      recoveryCode: "12",
      newPassword: NEW_PASSWORD,
    });
    expect(malformed.statusCode).toBe(400);
    const staffOwner = await signUp(t.app);
    const staff = uniqueLogin("staff");
    await staffOwner.post("/users", { name: "S", login: staff, password: PASSWORD, role: "staff" });
    expect(
      (await send(t.app, "POST", "/auth/recover", { login: staff, recoveryCode: code, newPassword: NEW_PASSWORD }))
        .statusCode,
    ).toBe(400);
    const victim = await ownerWithCode();
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        send(t.app, "POST", "/auth/recover", {
          login: victim.login,
          recoveryCode: `AAAA-BBBB-CCCC-${String(i).padStart(4, "2").replace(/[01]/g, "2")}`,
          newPassword: NEW_PASSWORD,
        }),
      ),
    );
    const codes = guesses.map((g) => g.statusCode);
    expect(codes.filter((c) => c === 400).length).toBeLessThanOrEqual(LOGIN_LIMIT);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(40 - LOGIN_LIMIT);
    t.clock.advance(LOGIN_WINDOW_MS + 1000); // this address's counter was filled; let it slide for the next test
  });

  it("lets a signed-in owner make a new code after typing the password; the old one stops working", async () => {
    const { login, code, owner } = await ownerWithCode();
    expect((await owner.post("/me/recovery-code", { currentPassword: "wrong" })).statusCode).toBe(400);
    const res = await owner.post("/me/recovery-code", { currentPassword: PASSWORD });
    expect(res.statusCode).toBe(200);
    const fresh = res.json().recoveryCode as string;
    const old = { login, recoveryCode: code, newPassword: NEW_PASSWORD };
    expect((await send(t.app, "POST", "/auth/recover", old)).statusCode).toBe(400);
    expect((await send(t.app, "POST", "/auth/recover", { ...old, recoveryCode: fresh })).statusCode).toBe(200);
  });

  it("says reset by email is not offered when SMTP is not set up", async () => {
    expect((await send(t.app, "GET", "/auth/recovery-options")).json()).toEqual({ email: false });
    const res = await send(t.app, "POST", "/auth/forgot", { login: uniqueLogin() });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("email_reset_unavailable");
  });
});
