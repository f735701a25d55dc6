import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Actor } from "./api.js";
import { form } from "./multipart.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A fixture file's bytes (invented shops, written from the formats' public column lists). */
export const fixture = (name: string) => fs.readFileSync(path.join(here, "../modules/imports/fixtures", name));

/** POST /imports as the actor: the form's fields, then the file. Tests only. */
export function uploadImport(
  actor: Actor,
  kind: string,
  file: { name: string; data: Buffer | string },
  fields: Record<string, string> = {},
) {
  const data = typeof file.data === "string" ? Buffer.from(file.data) : file.data;
  const { payload, headers } = form({ fields: { kind, ...fields }, file: { name: file.name, data } });
  return actor.request("POST", "/imports", payload, headers);
}
