import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { MeResponse, SignupBody } from "@duka/contracts";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import type { Database } from "../db/client.js";
import { createKeyRing } from "../lib/storage/keyring.js";
import { createLocalStorage } from "../lib/storage/local.js";
import { createTestDatabase } from "./db.js";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type App = Awaited<ReturnType<typeof buildApp>>;

/** A clock tests can move: session expiry, reports and backups read time from it. */
export class TestClock {
  constructor(public current = new Date()) {}
  readonly now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(at: Date | string) {
    this.current = new Date(at);
  }
}

export interface TestContext {
  app: App;
  database: Database;
  clock: TestClock;
}

/** Each test app has its own files folder and master key (the folder is removed when it closes). */
export function testStorage() {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-files-"));
  return { storage: createLocalStorage(filesDir), keyRing: createKeyRing(randomBytes(32)), filesDir };
}

export async function createTestApp(
  env: Record<string, string> = {},
): Promise<TestContext & { close(): Promise<void> }> {
  const database = await createTestDatabase();
  const clock = new TestClock();
  // Tests sign many businesses up from one address; the sign-up limit has its own test.
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    WEB_DIST: "/nonexistent",
    SIGNUPS_PER_ADDRESS: "100000",
    ...env,
  });
  const { storage, keyRing, filesDir } = testStorage();
  const app = await buildApp({ config, database, storage, keyRing, clock: clock.now, logger: false });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** One app and database for the test file, built before its tests and closed after them. */
export function useTestApp(env: Record<string, string> = {}): TestContext {
  const t = {} as TestContext;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const made = await createTestApp(env);
    Object.assign(t, made);
    close = made.close;
  });
  afterAll(async () => {
    await close?.();
  });
  return t;
}

export const uniqueLogin = (prefix = "user") => `${prefix}-${randomBytes(5).toString("hex")}@example.com`;
export const PASSWORD = "tall-mango-river-42";

/** A signed-in user making requests the way the web app does. */
export class Actor {
  constructor(
    readonly app: App,
    readonly cookie: string,
    readonly me: MeResponse,
  ) {}

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return send(this.app, method, url, body, { cookie: this.cookie, ...headers });
  }
  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});
  patch = (url: string, body?: unknown) => this.request("PATCH", url, body ?? {});
  delete = (url: string) => this.request("DELETE", url);
}

export function send(app: App, method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const options: InjectOptions = { method, url: url.startsWith("/api") ? url : `/api/v1${url}`, headers };
  if (body !== undefined) options.payload = body as InjectOptions["payload"];
  return app.inject(options);
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name.endsWith("duka_session"));
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `${c.name}=${c.value}`;
}

export async function signUp(app: App, overrides: Partial<SignupBody> = {}): Promise<Actor> {
  const res = await send(app, "POST", "/auth/signup", {
    businessName: "Mama Amina Shop",
    currency: "KES",
    timeZone: "Africa/Nairobi",
    country: "KE",
    locationName: "Main shop",
    ownerName: "Amina",
    login: uniqueLogin("owner"),
    password: PASSWORD,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`signup failed ${res.statusCode}: ${res.body}`);
  return new Actor(app, sessionCookie(res), res.json());
}

export async function logIn(app: App, login: string, password = PASSWORD): Promise<Actor> {
  const res = await send(app, "POST", "/auth/login", { login, password });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  return new Actor(app, sessionCookie(res), res.json());
}
