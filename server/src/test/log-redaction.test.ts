import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import type { Database } from "../db/client.js";
import { redactUrl } from "../lib/logging.js";
import { withOwner } from "../modules/backups/owner.repository.js";
import { type Actor, PASSWORD, send, signUp, testStorage, uniqueLogin } from "./api.js";
import { createTestDatabase } from "./db.js";

/** A request fails inside the database; the log says what failed and holds none of the values. */
const lines: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>;
let database: Database;
let owner: Actor;
let cleanup: () => void;
const OWNER_LOGIN = uniqueLogin("owner");

const asOwner = (statement: string) => withOwner(database, "write", (tx) => tx.query(statement));

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "info", WEB_DIST: "/nonexistent" });
  const { storage, keyRing, filesDir } = testStorage();
  app = await buildApp({ config, database, storage, keyRing, logStream: { write: (line) => void lines.push(line) } });
  await app.ready();
  cleanup = () => void import("node:fs").then((fs) => fs.rmSync(filesDir, { recursive: true, force: true }));
  owner = await signUp(app, { login: OWNER_LOGIN });
  // Any customer insert now fails in the database, the way an unforeseen constraint would.
  await asOwner(`create function duka_test_refuse() returns trigger language plpgsql as
    $$ begin raise exception 'refused by test trigger'; end $$`);
  await asOwner(
    "create trigger duka_test_refuse before insert on customers for each row execute function duka_test_refuse()",
  );
});

afterAll(async () => {
  await app.close();
  await database.close();
  cleanup();
});

const log = () => lines.join("");

describe("the log", () => {
  it("records a failed insert's query without its values", async () => {
    const res = await owner.post("/customers", { name: "Wanjiru Kamau", phone: "0712345678", notes: "owes rent" });
    expect(res.statusCode).toBe(500);
    const text = log();
    expect(text).toContain("Failed query");
    expect(text).toContain("refused by test trigger");
    expect(text).toContain("[redacted]");
    for (const secret of ["Wanjiru", "712345678", "owes rent"]) expect(text).not.toContain(secret);
  });

  it("keeps searches, cookies and passwords out", async () => {
    await owner.get("/customers?q=0722111333&limit=5");
    await send(app, "POST", "/auth/login", { login: OWNER_LOGIN, password: PASSWORD });
    await send(app, "GET", "/me", undefined, { authorization: "Bearer abc.def.ghi", cookie: owner.cookie });
    const text = log();
    expect(text).toContain("q=[redacted]&limit=5");
    expect(text).not.toContain("0722111333");
    expect(text).not.toContain(owner.cookie.split("=")[1]);
    expect(text).not.toContain("abc.def.ghi");
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(OWNER_LOGIN);
  });
});

describe("redactUrl", () => {
  it("hides personal values and keeps the rest", () => {
    expect(redactUrl("/api/v1/customers?q=0712&owing=true")).toBe("/api/v1/customers?q=[redacted]&owing=true");
    expect(redactUrl("/api/v1/sales?limit=5")).toBe("/api/v1/sales?limit=5");
    expect(redactUrl("/x?%71=secret")).toBe("/x?%71=[redacted]");
  });
});
