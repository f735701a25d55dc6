import { randomUUID, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server } from "../../server/src/test/s3-server.js";
import { type RunningServer, startServer } from "../server.js";
import { buildContext, parseDockerfile, type Replayed, replay } from "./dockerfile.js";

/**
 * What goes into the production image, proven without Docker: the Dockerfile's own steps are
 * carried out in a clean folder (the build context less .dockerignore), with `npm ci`, the build
 * and the production-only `npm ci --omit=dev`; the server then starts from the last stage's files
 * with NODE_ENV=production and does what a shop does first. A runtime dependency kept in
 * devDependencies is missing there and fails this test.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const dockerfile = fs.readFileSync(path.join(repo, "Dockerfile"), "utf8");
const stages = parseDockerfile(dockerfile);
const last = stages.at(-1);
const runs = (i: number) => (stages[i]?.steps ?? []).filter((s) => s.op === "RUN").map((s) => s.text);

/** The RUN steps the image takes that this machine cannot (system packages, /data): reviewed here. */
const SYSTEM_STEPS = [
  "apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*",
  "mkdir -p /data && chown node:node /data",
];

describe("the Dockerfile", () => {
  it("builds on a pinned Node 24 LTS base, slim or alpine, in every stage", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages)
      expect(s.base).toMatch(/^node:24\.\d+\.\d+-(bookworm-slim|alpine3\.\d+)(@sha256:[0-9a-f]{64})?$/);
  });

  it("installs, builds and then keeps only production dependencies, in that order", () => {
    expect(runs(0)).toEqual([
      "npm ci --no-audit --no-fund",
      "npm run build",
      "npm ci --omit=dev --workspace=@duka/server --no-audit --no-fund",
    ]);
  });

  it("runs as node under tini with node server/dist/main.js, listening on every interface", () => {
    expect(last?.steps.filter((s) => s.op === "USER").map((s) => s.args[0])).toEqual(["node"]);
    expect(last?.steps.find((s) => s.op === "ENTRYPOINT")?.args).toEqual(["/usr/bin/tini", "--"]);
    expect(last?.steps.find((s) => s.op === "CMD")?.args).toEqual(["node", "server/dist/main.js"]);
    const env = last?.steps.filter((s) => s.op === "ENV").flatMap((s) => s.args);
    expect(env).toEqual(expect.arrayContaining(["NODE_ENV=production", "HOST=0.0.0.0"]));
  });

  it("installs nothing in the final stage but tini: no compiler, no npm install", () => {
    expect(runs(stages.length - 1)).toEqual(SYSTEM_STEPS);
    const copies = last?.steps.filter((s) => s.op === "COPY") ?? [];
    expect(copies.every((s) => s.flags.from === stages[0]?.name)).toBe(true);
  });

  it("sends only the app's sources to the build", () => {
    const context = buildContext(repo);
    expect(context).toEqual(expect.arrayContaining(["package-lock.json", "server/package.json", "web/index.html"]));
    const leaked = context.filter(
      (f) => /(^|\/)(node_modules|dist)\//.test(f) || /^(\.git|data|infra|e2e|bench|docs)\//.test(f),
    );
    expect(leaked).toEqual([]);
  });
});

describe("the image's files, run as production", () => {
  let work = "";
  let image: Replayed;
  let server: RunningServer | undefined;
  let s3: Awaited<ReturnType<typeof startS3Server>> | undefined;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "duka-image-"));
    image = await replay(stages, repo, work);
    s3 = await startS3Server("duka-image");
    const { PORT: _port, DATA_DIR: _dataDir, ...imageEnv } = image.env;
    server = await startServer({
      appRoot: image.workdir,
      command: image.cmd,
      env: {
        ...imageEnv,
        STORAGE: "s3",
        S3_BUCKET: "duka-image",
        S3_ENDPOINT: s3.endpoint,
        S3_FORCE_PATH_STYLE: "true",
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
        BACKUPS_ENABLED: "false",
      },
    });
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    await s3?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("has the built server and web app but no dev tools", () => {
    expect(image.skipped).toEqual(SYSTEM_STEPS);
    const has = (p: string) => fs.existsSync(path.join(image.workdir, p));
    expect(has("server/dist/main.js") && has("web/dist/index.html")).toBe(true);
    for (const devTool of ["typescript", "vite", "vitest", "tsx", "drizzle-kit", "@biomejs/biome", "aws-cdk-lib"]) {
      expect(has(`node_modules/${devTool}`), devTool).toBe(false);
    }
  });

  it("carries RDS's certificate authorities where the cloud's database URL points (infra RDS_CA_FILE)", () => {
    const workdir = last?.steps.filter((s) => s.op === "WORKDIR").at(-1)?.args[0];
    expect(`${workdir}/server/dist/certs/rds-ca.pem`).toBe("/app/server/dist/certs/rds-ca.pem");
    const pem = fs.readFileSync(path.join(image.workdir, "server/dist/certs/rds-ca.pem"), "utf8");
    const certs = pem.split(/(?=-----BEGIN CERTIFICATE-----)/).map((p) => new X509Certificate(p));
    // The stack's instances use rds-ca-rsa2048-g1 (infra/src/data.ts): its roots must be there and valid.
    const g1 = certs.filter((c) => /CN=Amazon RDS .+ Root CA RSA2048 G1/.test(c.subject));
    expect(g1.length).toBeGreaterThan(20);
    for (const c of g1) expect(new Date(c.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it("signs up, records a sale, prints its receipt and stores a document", async () => {
    const url = server?.url ?? "";
    let cookie = "";
    const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
      const json = body !== undefined && !(body instanceof Uint8Array);
      const res = await fetch(`${url}/api/v1${route}`, {
        method,
        headers: { ...(json ? { "content-type": "application/json" } : {}), cookie, ...headers },
        body: json ? JSON.stringify(body) : (body as Uint8Array | undefined),
      });
      return res;
    };
    const ok = async (res: Response, status: number) => {
      expect(res.status, await res.clone().text()).toBe(status);
      return res;
    };

    const signup = await ok(
      await call("POST", "/auth/signup", {
        businessName: "Duka la Picha",
        currency: "KES",
        timeZone: "Africa/Nairobi",
        country: "KE",
        locationName: "Main shop",
        ownerName: "Amina",
        login: `owner-${randomUUID().slice(0, 8)}@example.com`,
        password: "tall-mango-river-42",
      }),
      201,
    );
    cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/duka_session=/);

    const locationId = ((await (await ok(await call("GET", "/locations"), 200)).json()) as { items: { id: string }[] })
      .items[0]?.id;
    const product = await ok(
      await call("POST", "/products", {
        name: "Sukari 1kg",
        price: 15000,
        initialStock: [{ locationId, quantity: 5 }],
      }),
      201,
    );
    const productId = ((await product.json()) as { id: string }).id;
    const saleId = randomUUID();
    await ok(
      await call("POST", "/sales", {
        id: saleId,
        lines: [{ productId, quantity: 2 }],
        payment: { method: "cash" },
      }),
      201,
    );

    // The receipt PDF loads its library on first use: a runtime dependency, checked at run time.
    const pdf = await ok(await call("GET", `/sales/${saleId}/receipt.pdf`), 200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.from("IHDR image-test")]);
    const boundary = `----duka${randomUUID().replaceAll("-", "")}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="saleId"\r\n\r\n${saleId}\r\n`),
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="receipt.png"\r\ncontent-type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await ok(
      await call("POST", "/documents", body, { "content-type": `multipart/form-data; boundary=${boundary}` }),
      201,
    );
    const documentId = ((await uploaded.json()) as { id: string }).id;
    const content = await ok(await call("GET", `/documents/${documentId}/content`), 200);
    expect(Buffer.from(await content.arrayBuffer()).equals(png)).toBe(true);
    // What reached the bucket is ciphertext, written through the S3 SDK the image ships.
    expect(JSON.stringify(fs.readdirSync(s3?.dir ?? "", { recursive: true }))).toMatch(/documents/);
  });
});
