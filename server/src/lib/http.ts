import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import type { Database, Db } from "../db/client.js";
import type { Access } from "../modules/auth/permissions.js";
import type { Ctx, RequestMeta } from "./context.js";
import { unauthorized } from "./errors.js";
import type { Lifecycle } from "./lifecycle.js";
import type { SealedStorage } from "./storage/sealed.js";
import type { Clock } from "./time.js";

export interface RouteAccess {
  method: string;
  url: string;
  access: Access | undefined;
}

export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  /** Encrypted file storage (documents, receipts, backups); `files.raw` is the driver underneath. */
  files: SealedStorage;
  /** Shutdown state: draining after SIGTERM (lib/lifecycle.ts). */
  lifecycle: Lifecycle;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call this route; every /api route must say. */
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route with the access it declared, recorded by the guard so tests can walk them. */
    routeAccess: RouteAccess[];
  }
}

/** The Fastify instance modules register their routes on, with zod schemas as types. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in user's context; the guard has already refused anonymous calls to non-public routes. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.ctx) throw unauthorized();
  return request.ctx;
}

export type { FastifyReply, FastifyRequest };

/** The client address and the app clock's "now" for a request, for services and the audit log. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers["user-agent"];
  return { ip: request.ip, userAgent, now: request.server.deps.clock() };
}
