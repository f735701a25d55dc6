import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { SseStream } from "../../test/sse.js";
import { LOGIN_WINDOW_MS } from "./lockout.js";

describe("quotas: sign-ups per address, live streams per sign-in", () => {
  const t = useTestApp({ TRUST_PROXY: "127.0.0.1", SIGNUPS_PER_ADDRESS: "3", EVENTS_STREAMS_PER_SESSION: "3" });
  let base: string;
  const open: SseStream[] = [];
  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => {
    for (const s of open) s.close();
  });

  const signUpFrom = (ip: string) =>
    send(
      t.app,
      "POST",
      "/auth/signup",
      {
        businessName: "Quota Shop",
        currency: "KES",
        timeZone: "Africa/Nairobi",
        locationName: "Main",
        ownerName: "Q",
        login: uniqueLogin("owner"),
        password: PASSWORD,
      },
      { "x-forwarded-for": ip },
    );

  it("lets one address create a few businesses, then asks it to wait, with Retry-After; others are not held up", async () => {
    const made = await Promise.all(Array.from({ length: 6 }, () => signUpFrom("10.9.0.1")));
    const codes = made.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 429, 429, 429]);
    const refused = made.find((r) => r.statusCode === 429);
    expect(refused?.json().error).toMatchObject({
      code: "too_many_signups",
      message: expect.stringMatching(/Try again/),
    });
    expect(Number(refused?.headers["retry-after"])).toBeGreaterThan(0);
    expect((await signUpFrom("10.9.0.2")).statusCode).toBe(201);
    t.clock.advance(LOGIN_WINDOW_MS + 1000);
    expect((await signUpFrom("10.9.0.1")).statusCode).toBe(201);
  });

  it("caps the live streams one sign-in holds open, and frees a place when one closes", async () => {
    const owner = await signUp(t.app);
    const streams = [];
    for (let i = 0; i < 3; i++) {
      const s = await SseStream.open(base, owner.cookie);
      open.push(s);
      expect(s.status).toBe(200);
      streams.push(s);
    }
    const res = await fetch(`${base}/api/v1/events`, { headers: { cookie: owner.cookie } });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too_many_streams");
    // Another sign-in of the same person has its own streams.
    const login = uniqueLogin("staff");
    await owner.post("/users", { name: "S", login, password: PASSWORD, role: "owner" });
    const other = await logIn(t.app, login);
    const theirs = await SseStream.open(base, other.cookie);
    open.push(theirs);
    expect(theirs.status).toBe(200);
    // A closed tab gives its place back.
    streams[0]?.close();
    await expect
      .poll(async () => {
        const again = await SseStream.open(base, owner.cookie);
        open.push(again);
        return again.status;
      })
      .toBe(200);
  });
});
