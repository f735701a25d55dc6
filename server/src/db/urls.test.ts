import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { loginOf } from "./roles.js";
import { databaseOptions } from "./urls.js";

const options = (env: Record<string, string>) => databaseOptions(loadConfig({ NODE_ENV: "test", ...env }));

describe("the database URLs, as configured", () => {
  it("uses DATABASE_URL for both when there is no owner's URL (one machine)", () => {
    const o = options({ DATABASE_URL: "postgres://duka:pw@db:5432/duka" });
    expect(o.url).toBe("postgres://duka:pw@db:5432/duka");
    expect(o.ownerUrl).toBe(o.url);
  });

  it("puts each injected password into its own URL, encoded, and reads it back", () => {
    const o = options({
      DATABASE_URL: "postgres://duka_web@db:5432/duka",
      DATABASE_OWNER_URL: "postgres://duka_owner:old@db:5432/duka",
      DATABASE_PASSWORD: "w:e/b@?#1",
      DATABASE_OWNER_PASSWORD: "own%er",
    });
    expect(loginOf(o.url as string)).toEqual({ user: "duka_web", password: "w:e/b@?#1" });
    expect(loginOf(o.ownerUrl as string)).toEqual({ user: "duka_owner", password: "own%er" });
    expect(new URL(o.url as string).pathname).toBe("/duka");
  });

  it("gives the one URL its password when it is used for both", () => {
    const o = options({ DATABASE_URL: "postgres://duka@db/duka", DATABASE_PASSWORD: "secret" });
    expect(loginOf(o.ownerUrl as string).password).toBe("secret");
  });

  it("refuses an owner's URL without the app's", () => {
    expect(() => loadConfig({ DATABASE_OWNER_URL: "postgres://o@db/duka" })).toThrow(
      /DATABASE_URL is required when DATABASE_OWNER_URL is set/,
    );
  });

  it("leaves the embedded database alone", () => {
    expect(options({})).toMatchObject({ url: undefined, ownerUrl: undefined });
  });
});
