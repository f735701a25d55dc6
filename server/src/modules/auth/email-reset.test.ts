import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, logIn, PASSWORD, send, signUp, uniqueLogin } from "../../test/api.js";
import { RESET_LINK_MS } from "./email-reset.service.js";

interface Mail {
  to: string;
  raw: string;
}

/** A real SMTP server on a free local port that keeps what it receives. */
async function startSmtp() {
  const inbox: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { inbox, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The token in the reset link (quoted-printable soft breaks undone). */
const tokenIn = (mail: Mail) => {
  const body = mail.raw.replace(/=\r?\n/g, "");
  const link = body.match(/https:\/\/duka\.example\.com\/reset#([\w.-]+)/);
  if (!link?.[1]) throw new Error(`no reset link in: ${body}`);
  return link[1];
};

describe("reset link by email, through a local SMTP server", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, APP_URL: "https://duka.example.com" });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const mailsTo = (login: string) => smtp.inbox.filter((m) => m.to === login);

  it("emails an owner a link to the configured address, whatever Host the request names; it works once", async () => {
    expect((await send(t.app, "GET", "/auth/recovery-options")).json()).toEqual({ email: true });
    const login = uniqueLogin("owner");
    const owner = await signUp(t.app, { login });
    const asked = await send(t.app, "POST", "/auth/forgot", { login }, { host: "evil.example" });
    expect(asked.statusCode).toBe(200);
    const [mail] = mailsTo(login);
    expect(mail?.raw).toMatch(/Subject: Reset your Duka password/);
    expect(mail?.raw).not.toContain("evil.example");
    const token = tokenIn(mail as Mail);

    const weak = await send(t.app, "POST", "/auth/reset", { token, newPassword: "password123" });
    expect(weak.statusCode).toBe(400);
    const reset = await send(t.app, "POST", "/auth/reset", { token, newPassword: "fresh-lemon-tree-9" });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().recoveryCode).toMatch(/^\w{4}-/);
    expect((await owner.get("/me")).statusCode).toBe(401);
    const back = await logIn(t.app, login, "fresh-lemon-tree-9");
    const audit = (await back.get("/audit")).json().items as { action: string; details: unknown }[];
    expect(audit.find((a) => a.action === "user.password_recovered")).toMatchObject({ details: { by: "email" } });
    const again = await send(t.app, "POST", "/auth/reset", { token, newPassword: "other-plum-road-5" });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("reset_link_invalid");
  });

  it("answers the same for an unknown login or staff, and sends nothing", async () => {
    const nobody = uniqueLogin("nobody");
    expect((await send(t.app, "POST", "/auth/forgot", { login: nobody })).statusCode).toBe(200);
    const owner = await signUp(t.app);
    const staff = uniqueLogin("staff");
    await owner.post("/users", { name: "S", login: staff, password: PASSWORD, role: "staff" });
    expect((await send(t.app, "POST", "/auth/forgot", { login: staff })).statusCode).toBe(200);
    expect([...mailsTo(nobody), ...mailsTo(staff)]).toEqual([]);
  });

  it("lets a link expire after an hour, and refuses made-up ones", async () => {
    const login = uniqueLogin("owner");
    await signUp(t.app, { login });
    await send(t.app, "POST", "/auth/forgot", { login });
    const token = tokenIn(mailsTo(login)[0] as Mail);
    t.clock.advance(RESET_LINK_MS + 1000);
    expect((await send(t.app, "POST", "/auth/reset", { token, newPassword: "fresh-lemon-tree-9" })).statusCode).toBe(
      400,
    );
    const forged = `${token.split(".")[0]}.${"A".repeat(43)}`;
    expect(
      (await send(t.app, "POST", "/auth/reset", { token: forged, newPassword: "fresh-lemon-tree-9" })).statusCode,
    ).toBe(400);
    expect(
      (
        await send(t.app, "POST", "/auth/reset", {
          token: "not-a-uuid.abcdefghijklmnopqrstuvwxyz",
          newPassword: "fresh-lemon-tree-9",
        })
      ).statusCode,
    ).toBe(400);
  });
});
