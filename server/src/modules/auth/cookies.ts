import type { FastifyReply, FastifyRequest } from "fastify";

const PLAIN = "duka_session";
/** Over HTTPS the __Host- prefix pins the cookie to this exact origin, Secure and path "/". */
const HOST = "__Host-duka_session";

export function readSessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[HOST] ?? request.cookies[PLAIN];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  const secure = request.protocol === "https";
  reply.setCookie(secure ? HOST : PLAIN, token, { path: "/", httpOnly: true, sameSite: "lax", secure, expires });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = request.protocol === "https";
  reply.clearCookie(secure ? HOST : PLAIN, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
