import {
  ForgotBody,
  NewRecoveryCodeBody,
  Ok,
  RecoverBody,
  RecoveryCodeResponse,
  RecoveryOptions,
  ResetBody,
} from "@duka/contracts";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { createMailer, requestReset, resetWithLink } from "./email-reset.service.js";
import { recoverWithCode, recoveryDisabled, renewRecoveryCode } from "./recovery.service.js";

/** An owner locked out of their own shop gets back in: recovery code, or a link by email when set up. */
export default async function recoveryRoutes(app: App) {
  const { db, config } = app.deps;
  const mailer = createMailer(config);

  app.get(
    "/auth/recovery-options",
    { config: { access: "public" }, schema: { tags: ["auth"], response: { 200: RecoveryOptions } } },
    async () => ({ email: mailer !== undefined }),
  );

  app.post(
    "/auth/recover",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], body: RecoverBody, response: { 200: RecoveryCodeResponse } },
    },
    async (request) => recoverWithCode(db, request.body, requestMeta(request)),
  );

  app.post(
    "/auth/forgot",
    { config: { access: "public" }, schema: { tags: ["auth"], body: ForgotBody, response: { 200: Ok } } },
    async (request) => {
      if (!mailer || !config.APP_URL) throw recoveryDisabled();
      await requestReset(db, mailer, config.APP_URL, request.body.login, requestMeta(request), (err) =>
        request.log.error({ err }, "reset email not sent"),
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/reset",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], body: ResetBody, response: { 200: RecoveryCodeResponse } },
    },
    async (request) => resetWithLink(db, request.body.token, request.body.newPassword, requestMeta(request)),
  );

  app.post(
    "/me/recovery-code",
    {
      config: { access: "users.manage" },
      schema: { tags: ["auth"], body: NewRecoveryCodeBody, response: { 200: RecoveryCodeResponse } },
    },
    async (request) => renewRecoveryCode(db, ctxOf(request), request.body, requestMeta(request)),
  );
}
