import {
  Id,
  ImportCommitBody,
  ImportCommitResult,
  ImportHistory,
  ImportPreview,
  ImportTemplateParams,
  ImportUploadFields,
} from "@duka/contracts";
import multipart from "@fastify/multipart";
import { z } from "zod";
import { AppError, badRequest } from "../../lib/errors.js";
import { type App, ctxOf, type FastifyRequest } from "../../lib/http.js";
import { commitImport, listImports, previewImport } from "./imports.service.js";
import { templateCsv, templateXlsx } from "./templates.js";

const tags = ["imports"];

const tooLarge = (maxBytes: number) =>
  new AppError(
    "import_too_large",
    413,
    `This file is larger than ${(maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB. Split it into smaller files and bring them in one after the other.`,
    { maxBytes, maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 },
  );

/** The form's fields (before the file), then the file, read up to the upload limit and no further. */
async function readUpload(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) {
    throw new AppError("unsupported_media_type", 415, "Send the file as multipart/form-data.");
  }
  const fields: Record<string, string> = {};
  const parts = request.parts();
  for (let next = await parts.next(); !next.done; next = await parts.next()) {
    const part = next.value;
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const parsed = ImportUploadFields.safeParse(fields);
    if (!parsed.success) {
      part.file.resume();
      const issue = parsed.error.issues[0];
      throw badRequest(`Please check ${issue?.path.join(".") || "the form"}: it ${issue?.message ?? "is invalid"}.`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        part.file.resume();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk);
    }
    if (part.file.truncated) throw tooLarge(maxBytes);
    return { fields: parsed.data, filename: part.filename || "upload", bytes: Buffer.concat(chunks) };
  }
  throw badRequest("Choose a file to upload.");
}

export default async function importsRoutes(app: App) {
  const { db, clock, config } = app.deps;
  const maxBytes = config.DOCUMENT_MAX_BYTES;

  await app.register(async (scoped: App) => {
    await scoped.register(multipart, {
      limits: { fileSize: maxBytes + 1, files: 1, fields: 5, fieldSize: 4000, parts: 6 },
      throwFileSizeLimit: false,
    });
    scoped.post(
      "/imports",
      {
        config: { access: "data.import" },
        schema: { tags, consumes: ["multipart/form-data"], response: { 201: ImportPreview } },
      },
      async (request, reply) => {
        const { fields, filename, bytes } = await readUpload(request, maxBytes);
        const preview = await previewImport(db, ctxOf(request), { ...fields, filename, bytes }, clock());
        return reply.status(201).send(preview);
      },
    );
  });

  app.post(
    "/imports/:id/commit",
    {
      config: { access: "data.import" },
      schema: { tags, params: z.object({ id: Id }), body: ImportCommitBody, response: { 200: ImportCommitResult } },
    },
    async (request) => commitImport(db, ctxOf(request), request.params.id, request.body ?? {}, clock()),
  );

  app.get(
    "/imports",
    { config: { access: "data.import" }, schema: { tags, response: { 200: ImportHistory } } },
    async (request) => listImports(db, ctxOf(request)),
  );

  app.get(
    "/imports/templates/:kind.:ext",
    {
      config: { access: "data.import" },
      schema: {
        tags,
        params: ImportTemplateParams,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: { 200: z.unknown().describe("The template file: a header row and two example rows.") },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { kind, ext } = request.params;
      reply.header("content-disposition", `attachment; filename="duka-${kind}.${ext}"`);
      if (ext === "csv") return reply.type("text/csv; charset=utf-8").send(await templateCsv(db, ctx, kind));
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send(await templateXlsx(db, ctx, kind));
    },
  );
}
