import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";

describe("idle expiry with a short idle limit", () => {
  const t = useTestApp({ SESSION_IDLE_MINUTES: "1" });

  it("keeps a session used every 20 s alive, and ends it a minute after its last use", async () => {
    const owner = await signUp(t.app);
    for (let s = 20; s <= 300; s += 20) {
      t.clock.advance(20_000);
      expect((await owner.get("/me")).statusCode, `after ${s} s`).toBe(200);
    }
    t.clock.advance(59_000);
    expect((await owner.get("/me")).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await owner.get("/me")).statusCode).toBe(401);
  });

  it("ends a session left alone for just over the idle limit", async () => {
    const owner = await signUp(t.app);
    t.clock.advance(61_000);
    expect((await owner.get("/me")).statusCode).toBe(401);
  });
});
