import { LoginBody, MeResponse, Ok, SignupBody, SignupResponse } from "@duka/contracts";
import type { Ctx } from "../../lib/context.js";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { login, signup } from "./auth.service.js";
import { clearSessionCookie, setSessionCookie } from "./cookies.js";
import { ROLE_PERMISSIONS } from "./permissions.js";
import recoveryRoutes from "./recovery.routes.js";
import { resolveSession, revokeSession } from "./sessions.service.js";

export function meOf(ctx: Ctx) {
  return {
    user: {
      id: ctx.userId,
      name: ctx.userName,
      role: ctx.role,
      businessId: ctx.businessId,
      locationId: ctx.locationIds?.[0] ?? null,
    },
    business: { id: ctx.businessId, ...ctx.business },
    permissions: [...ROLE_PERMISSIONS[ctx.role]],
  };
}

export default async function authRoutes(app: App) {
  const { db, clock, config } = app.deps;
  const policy = { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS };

  /** Answers like GET /me for the session just made, so the page needs no second request. */
  async function signedIn(token: string) {
    const ctx = await resolveSession(db, token, clock(), policy);
    if (!ctx) throw new Error("a session just created could not be read back");
    return meOf(ctx);
  }

  app.post(
    "/auth/signup",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], body: SignupBody, response: { 201: SignupResponse } },
    },
    async (request, reply) => {
      const session = await signup(db, request.body, requestMeta(request), policy, config.SIGNUPS_PER_ADDRESS);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return reply.status(201).send({ ...(await signedIn(session.token)), recoveryCode: session.recoveryCode });
    },
  );

  app.post(
    "/auth/login",
    { config: { access: "public" }, schema: { tags: ["auth"], body: LoginBody, response: { 200: MeResponse } } },
    async (request, reply) => {
      const session = await login(db, request.body, requestMeta(request), policy);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return signedIn(session.token);
    },
  );

  app.post(
    "/auth/logout",
    { config: { access: "session" }, schema: { tags: ["auth"], response: { 200: Ok } } },
    async (request, reply) => {
      await revokeSession(db, ctxOf(request), clock());
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  await recoveryRoutes(app);

  app.get(
    "/me",
    { config: { access: "session" }, schema: { tags: ["auth"], response: { 200: MeResponse } } },
    async (request) => meOf(ctxOf(request)),
  );
}
