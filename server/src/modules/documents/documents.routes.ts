import { Document, DocumentAttachment, DocumentListQuery, DocumentPage, DocumentUsage, Id, Ok } from "@duka/contracts";
import multipart from "@fastify/multipart";
import { z } from "zod";
import { AppError, badRequest } from "../../lib/errors.js";
import { type App, ctxOf, type FastifyRequest } from "../../lib/http.js";
import {
  deleteDocument,
  documentUsage,
  getDocument,
  listDocuments,
  openDocument,
  storeDocument,
} from "./documents.service.js";

const Params = z.object({ id: Id });

/** Shown inline when it is a photo (safe: the type was checked on upload); PDFs are downloaded. */
function contentDisposition(doc: Document): string {
  const ascii = doc.filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const disposition = doc.contentType.startsWith("image/") ? "inline" : "attachment";
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`;
}

/** Reads the form's fields, which must come before the file, then hands over the one file part. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new AppError("unsupported_media_type", 415, "Send the file as multipart/form-data.");
  }
  // Stepped by hand: leaving a for-await loop would close the iterator, and later parts must be seen.
  const parts = request.parts();
  const fields: Record<string, string> = {};
  for (let next = await parts.next(); !next.done; next = await parts.next()) {
    const part = next.value;
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const attachment = DocumentAttachment.safeParse(fields);
    if (!attachment.success) {
      const issue = attachment.error.issues[0];
      throw badRequest(`Please check ${issue?.path.join(".") ?? "the form"}: it ${issue?.message ?? "is invalid"}.`);
    }
    return { file: part, attachment: attachment.data, rest: parts };
  }
  throw badRequest("Choose a file to upload.");
}

export default async function documentsRoutes(app: App) {
  const { db, files, clock, config } = app.deps;
  const maxBytes = config.DOCUMENT_MAX_BYTES;

  // Multipart parsing only for the upload route's scope, so no other route accepts form bodies.
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, {
      // One byte over the limit is enough for the upload guard to answer 413; busboy reads no further.
      limits: { fileSize: maxBytes + 1, files: 1, fields: 5, fieldSize: 200, parts: 6 },
      throwFileSizeLimit: false,
    });
    scoped.post(
      "/documents",
      {
        config: { access: "documents.write" },
        schema: { tags: ["documents"], consumes: ["multipart/form-data"], response: { 201: Document } },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        const { file, attachment, rest } = await readUpload(request);
        const doc = await storeDocument(db, files, ctx, {
          body: file.file,
          filename: file.filename,
          attachment,
          maxBytes,
          quotaBytes: config.DOCUMENT_QUOTA_BYTES,
          now: clock(),
        });
        if (!(await rest.next()).done) {
          // A field after the file would be silently ignored: refuse instead, and keep nothing.
          await deleteDocument(db, files, ctx, doc.id);
          throw badRequest("Send the form's fields before the file.");
        }
        return reply.status(201).send(doc);
      },
    );
  });

  app.get(
    "/documents",
    {
      config: { access: "documents.read" },
      schema: { tags: ["documents"], querystring: DocumentListQuery, response: { 200: DocumentPage } },
    },
    async (request) => listDocuments(db, ctxOf(request), request.query),
  );

  app.get(
    "/documents/usage",
    { config: { access: "settings.manage" }, schema: { tags: ["documents"], response: { 200: DocumentUsage } } },
    async (request) => documentUsage(db, ctxOf(request), config.DOCUMENT_QUOTA_BYTES),
  );

  app.get(
    "/documents/:id",
    {
      config: { access: "documents.read" },
      schema: { tags: ["documents"], params: Params, response: { 200: Document } },
    },
    async (request) => getDocument(db, ctxOf(request), request.params.id),
  );

  app.get(
    "/documents/:id/content",
    {
      config: { access: "documents.read" },
      schema: {
        tags: ["documents"],
        params: Params,
        response: { 200: z.unknown().describe("The file's bytes, decrypted, with its content type.") },
      },
    },
    async (request, reply) => {
      const { document, stream } = await openDocument(db, files, ctxOf(request), request.params.id);
      return reply
        .header("content-type", document.contentType)
        .header("content-length", String(document.size))
        .header("content-disposition", contentDisposition(document))
        .header("cache-control", "private, no-store")
        .send(stream);
    },
  );

  app.delete(
    "/documents/:id",
    {
      config: { access: "documents.delete" },
      schema: { tags: ["documents"], params: Params, response: { 200: Ok } },
    },
    async (request) => {
      await deleteDocument(db, files, ctxOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
