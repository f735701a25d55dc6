import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("config", () => {
  it("has defaults that run Duka with no set-up", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe("./data");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SESSION_IDLE_MINUTES).toBe(120);
    expect(c.SESSION_MAX_HOURS).toBe(12);
  });

  it("refuses a bad port with a message naming it", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("refuses a malformed DATABASE_URL and names every bad value at once", () => {
    expect(() => loadConfig({ DATABASE_URL: "localhost:5432", LOG_LEVEL: "loud" })).toThrow(
      /(?=.*DATABASE_URL must look like postgres:)(?=.*LOG_LEVEL)/,
    );
  });

  it("reads flags and numbers from text", () => {
    const c = loadConfig({ TRUST_PROXY: "1", SESSION_IDLE_MINUTES: "30", DATABASE_URL: "postgres://u@h:5432/d" });
    expect(c.TRUST_PROXY).toBe(1);
    expect(c.SESSION_IDLE_MINUTES).toBe(30);
  });

  it("trusts no proxy by default, a hop count or a list of proxies, and refuses to believe any", () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.4,fd00::/8" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "192.168.1.4",
      "fd00::/8",
    ]);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(
      /TRUST_PROXY must not be true.*1 behind one load balancer/,
    );
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY must be false, a number/);
    expect(() => loadConfig({ TRUST_PROXY: "proxy.local" })).toThrow(/TRUST_PROXY/);
  });

  it("stores files locally with a 10 MB document limit by default", () => {
    const c = loadConfig({});
    expect(c.STORAGE).toBe("local");
    expect(c.DOCUMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
  });

  it("needs a bucket for S3 and a master key in production, each said in one line", () => {
    expect(() => loadConfig({ STORAGE: "s3" })).toThrow(/S3_BUCKET is required when STORAGE=s3/);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/MASTER_KEY is required in production/);
    const key = Buffer.alloc(32, 1).toString("base64");
    const c = loadConfig({ NODE_ENV: "production", MASTER_KEY: key, STORAGE: "s3", S3_BUCKET: "shop-files" });
    expect(c.S3_BUCKET).toBe("shop-files");
  });

  it("refuses a master key that is not 32 bytes of base64", () => {
    expect(() => loadConfig({ MASTER_KEY: "c2hvcnQ=" })).toThrow(/MASTER_KEY must be 32 bytes/);
    expect(() => loadConfig({ MASTER_KEYS_OLD: "nope" })).toThrow(/MASTER_KEYS_OLD/);
  });
});
