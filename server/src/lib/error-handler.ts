import type { ErrorCode, FieldErrors } from "@duka/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "./db-errors.js";
import { AppError } from "./errors.js";
import { fieldIssue, fromSentences } from "./field-issues.js";

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_input",
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_input",
};

function fieldLabel(path: string): string {
  return path.replace(/^(body|querystring|params)\.?/, "") || "request";
}

/** One shape for every failure: { error: { code, message, details } }; never a stack trace. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      if (err.status === 429) {
        const retry = (err.details as { retryAfter?: number } | undefined)?.retryAfter;
        if (retry) reply.header("retry-after", String(retry));
      }
      if (err.status >= 500) request.log.error({ err }, err.message);
      const details = err.details as { fields?: Record<string, string[]> } | undefined;
      const shaped = details?.fields ? { ...details, fields: fromSentences(details.fields) } : details;
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: shaped } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldErrors = {};
      for (const v of err.validation) {
        const path = `${err.validationContext ?? ""}${v.instancePath.replaceAll("/", ".")}`;
        const label = fieldLabel(path);
        fields[label] = [...(fields[label] ?? []), fieldIssue(v)];
      }
      const [first] = Object.entries(fields);
      const message = first ? `Please check ${first[0]}: it ${first[1][0]?.message}.` : "Please check the request.";
      return reply.status(400).send({ error: { code: "invalid_input", message, details: { fields } } });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, "response did not match its schema");
    } else {
      const status = (err as FastifyError).statusCode;
      if (status && status >= 400 && status < 500) {
        const code = FASTIFY_CODES[(err as FastifyError).code] ?? (status === 404 ? "not_found" : "bad_request");
        return reply.status(status).send({ error: { code, message: err.message } });
      }
      if (isDatabaseUnavailable(err)) {
        // The database is away (stopped, restarting, cut off): say so, so clients retry with the same ids.
        request.log.error({ err }, "database unavailable");
        return reply
          .status(503)
          .header("retry-after", "5")
          .send({
            error: {
              code: "database_unavailable",
              message: "The database is not answering right now. Nothing was saved; please try again in a moment.",
            },
          });
      }
      request.log.error({ err }, "unhandled error");
    }
    return reply.status(500).send({
      error: { code: "internal", message: "Something went wrong on our side. Nothing was saved; please try again." },
    });
  });
}
