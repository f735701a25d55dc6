import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { expectedMigrationCount } from "../../db/migrate.js";
import { send, useTestApp } from "../../test/api.js";

describe("health and errors", () => {
  const t = useTestApp();

  it("answers /healthz and /readyz", async () => {
    expect((await t.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
  });

  it("applied every migration from empty", async () => {
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(row?.n).toBe(expectedMigrationCount());
  });

  it("answers an unknown API path with the error shape and a request id", async () => {
    const res = await send(t.app, "GET", "/no-such-thing");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: "not_found", message: expect.stringContaining("/api/v1/no-such-thing") },
    });
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("turns invalid input into a 400 naming the field, without a stack trace", async () => {
    const res = await send(t.app, "POST", "/auth/login", { login: "x" });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toMatch(/login|password/);
    expect(body.error.details.fields).toBeTypeOf("object");
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses malformed JSON with a 400", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_input");
  });

  it("refuses an over-large body with 413", async () => {
    const res = await send(t.app, "POST", "/auth/login", { login: "a".repeat(2_000_000), password: "x" });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("too_large");
  });

  it("sends security headers and a strict content security policy", async () => {
    const res = await t.app.inject({ url: "/healthz" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves the OpenAPI document", async () => {
    const res = await send(t.app, "GET", "/docs");
    expect(res.statusCode).toBe(200);
    expect(res.json().paths["/api/v1/auth/login"]).toBeDefined();
  });
});
