import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client.js";

/**
 * The cloud's database URLs say `sslmode=verify-full&sslrootcert=<RDS's authorities>` (infra).
 * A PostgreSQL that speaks TLS with a certificate of our own authority stands in for RDS: a proxy
 * answers PostgreSQL's SSLRequest, ends TLS and passes the bytes to the local server.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const SSL_REQUEST = 80877103;

function makeCertificates(dir: string) {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const key = ["-newkey", "rsa:2048", "-nodes"];
  for (const ca of ["ca", "other-ca"])
    run("req", "-x509", ...key, "-days", "2", "-subj", `/CN=${ca}`, "-keyout", `${ca}.key`, "-out", `${ca}.pem`);
  // Two servers' certificates from the same authority: one for the name we ask for, one for another.
  for (const [server, dns] of [
    ["server", "localhost"],
    ["elsewhere", "db.example"],
  ]) {
    fs.writeFileSync(path.join(dir, `${server}.ext`), `subjectAltName=DNS:${dns}\n`);
    run("req", ...key, "-subj", `/CN=${dns}`, "-keyout", `${server}.key`, "-out", `${server}.csr`);
    run(
      "x509",
      "-req",
      "-in",
      `${server}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "2",
      "-extfile",
      `${server}.ext`,
      "-out",
      `${server}.pem`,
    );
  }
}

/** Speaks TLS to clients the way PostgreSQL does, and plain TCP to the real server behind it. */
function startTlsProxy(target: URL, key: Buffer, cert: Buffer) {
  let handshakes = 0;
  const server = net.createServer((client) => {
    client.once("data", (first) => {
      if (first.length !== 8 || first.readInt32BE(4) !== SSL_REQUEST) return client.destroy(); // TLS or nothing
      client.write("S");
      const secure = new tls.TLSSocket(client, { isServer: true, key, cert });
      secure.on("secure", () => handshakes++);
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      secure.pipe(upstream).pipe(secure);
      const end = () => {
        secure.destroy();
        upstream.destroy();
      };
      secure.on("error", end).on("close", end);
      upstream.on("error", end).on("close", end);
    });
  });
  return new Promise<{ port: number; handshakes: () => number; close: () => void }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        handshakes: () => handshakes,
        close: () => server.close(),
      }),
    ),
  );
}

describe.skipIf(!adminUrl)("TLS to PostgreSQL with the server's certificate verified", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-tls-"));
  const name = `duka_tls_${randomBytes(5).toString("hex")}`;
  let proxy: Awaited<ReturnType<typeof startTlsProxy>>;
  let elsewhere: Awaited<ReturnType<typeof startTlsProxy>>;
  const urlWith = (ca: string, through = proxy) => {
    const url = new URL(adminUrl ?? "");
    url.hostname = "localhost";
    url.port = String(through.port);
    url.pathname = `/${name}`;
    return `${url.toString()}?sslmode=verify-full&sslrootcert=${path.join(dir, ca)}`;
  };

  beforeAll(async () => {
    makeCertificates(dir);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const read = (file: string) => fs.readFileSync(path.join(dir, file));
    proxy = await startTlsProxy(new URL(adminUrl ?? ""), read("server.key"), read("server.pem"));
    elsewhere = await startTlsProxy(new URL(adminUrl ?? ""), read("elsewhere.key"), read("elsewhere.pem"));
  }, 60_000);

  afterAll(async () => {
    proxy?.close();
    elsewhere?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("migrates and serves over TLS when the certificate is from the given authority", async () => {
    const database = await openDatabase({ url: urlWith("ca.pem") });
    try {
      await database.ping();
      expect(proxy.handshakes()).toBeGreaterThanOrEqual(2); // the owner's migration and the pool
    } finally {
      await database.close();
    }
  }, 120_000);

  it("refuses a server whose certificate another authority signed, or that is not the name asked for", async () => {
    await expect(openDatabase({ url: urlWith("other-ca.pem") })).rejects.toThrow(
      /self.signed|unable to verify|certificate/i,
    );
    await expect(openDatabase({ url: urlWith("ca.pem", elsewhere) })).rejects.toThrow(/altnames|does not match/i);
  }, 60_000);
});
