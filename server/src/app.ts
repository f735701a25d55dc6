import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import { type Config, trustProxyOption } from "./config.js";
import type { Database } from "./db/client.js";
import { installErrorHandler } from "./lib/error-handler.js";
import type { App } from "./lib/http.js";
import { installInputGuard } from "./lib/input-guard.js";
import { Lifecycle } from "./lib/lifecycle.js";
import { loggerOptions } from "./lib/logging.js";
import { type KeyRing, type Storage, sealStorage } from "./lib/storage/index.js";
import { type Clock, systemClock } from "./lib/time.js";
import auditRoutes from "./modules/audit/audit.routes.js";
import authRoutes from "./modules/auth/auth.routes.js";
import guard from "./modules/auth/guard.js";
import backupsRoutes from "./modules/backups/backups.routes.js";
import businessRoutes from "./modules/business/business.routes.js";
import closesRoutes from "./modules/closes/closes.routes.js";
import customersRoutes from "./modules/customers/customers.routes.js";
import dashboardRoutes from "./modules/dashboard/dashboard.routes.js";
import documentsRoutes from "./modules/documents/documents.routes.js";
import eventsRoutes from "./modules/events/events.routes.js";
import healthRoutes from "./modules/health/health.routes.js";
import importsRoutes from "./modules/imports/imports.routes.js";
import inventoryRoutes from "./modules/inventory/inventory.routes.js";
import locationsRoutes from "./modules/locations/locations.routes.js";
import productRoutes from "./modules/products/products.routes.js";
import reportsRoutes from "./modules/reports/reports.routes.js";
import salesRoutes from "./modules/sales/sales.routes.js";
import syncRoutes from "./modules/sync/sync.routes.js";
import usersRoutes from "./modules/users/users.routes.js";

export interface BuildOptions {
  config: Config;
  database: Database;
  /** The file storage driver; everything written through it is encrypted with keyRing. */
  storage: Storage;
  keyRing: KeyRing;
  clock?: Clock;
  logger?: FastifyServerOptions["logger"];
  /** Where the (redacted) log goes instead of stdout: tests read it. */
  logStream?: DestinationStream;
  lifecycle?: Lifecycle;
}

/** Feature modules, each a folder under modules/ with its routes, service and tests. */
const apiModules: ((app: App) => Promise<void>)[] = [
  authRoutes,
  usersRoutes,
  locationsRoutes,
  businessRoutes,
  auditRoutes,
  productRoutes,
  inventoryRoutes,
  customersRoutes,
  documentsRoutes,
  salesRoutes,
  reportsRoutes,
  eventsRoutes,
  dashboardRoutes,
  backupsRoutes,
  syncRoutes,
  importsRoutes,
  closesRoutes,
];

export async function buildApp(opts: BuildOptions) {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config.LOG_LEVEL, opts.logStream),
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("deps", {
    config,
    database,
    db: database.db,
    clock: opts.clock ?? systemClock,
    files: sealStorage(opts.storage, opts.keyRing),
    lifecycle: opts.lifecycle ?? new Lifecycle(),
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Plain HTTP stays possible on a shop's own network; a browser that came over HTTPS keeps to it.
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000");
    // Answers carry a shop's figures and people: no browser or proxy cache keeps them.
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    // Draining: the client's next request opens a new connection, which the load balancer sends elsewhere.
    if (app.deps.lifecycle.draining) reply.header("connection", "close");
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        mediaSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Sent per request above, only over HTTPS: shops reach the server over plain HTTP on their own network too.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: "Duka API", version: "1" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "duka_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(guard);
  installErrorHandler(app);
  installInputGuard(app);

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      for (const register of apiModules) await register(api as unknown as App);
      api.get("/docs", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: "/api/v1" },
  );
  await serveWeb(app as unknown as App, config.WEB_DIST);
  return app;
}

/** The built web app: hashed assets cached for a year, everything else revalidated; SPA fallback. */
async function serveWeb(app: App, root: string) {
  const index = path.join(root, "index.html");
  const hasWeb = fs.existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      setHeaders: (res, file) => {
        res.setHeader(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/");
    if (wantsPage && hasWeb) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply.status(404).send({ error: { code: "not_found", message: `No such address: ${request.url}` } });
  });
}
