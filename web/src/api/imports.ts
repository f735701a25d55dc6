import type { ImportCounts, ImportHistory, ImportKind, ImportPreview } from "@duka/contracts";
import { get, send, upload } from "../data/endpoints";

export type { ImportCounts, ImportHistory, ImportKind, ImportPreview };

export const templateUrl = (kind: Exclude<ImportKind, "sales">, ext: "csv" | "xlsx") =>
  `/api/v1/imports/templates/${kind}.${ext}`;

export interface UploadChoice {
  kind: ImportKind;
  mapping?: Record<string, string> | undefined;
  sheet?: string | undefined;
}

/** Sends a file for its preview; nothing is saved until it is committed. */
export function uploadImport(file: File, choice: UploadChoice, onProgress: (fraction: number) => void) {
  const form = new FormData();
  // The server reads the fields before the file.
  form.append("kind", choice.kind);
  if (choice.mapping) form.append("mapping", JSON.stringify(choice.mapping));
  if (choice.sheet) form.append("sheet", choice.sheet);
  form.append("file", file, file.name);
  return upload("/imports", form, onProgress);
}

/** Saving 20,000 rows takes a while: wait longer than for an ordinary request. */
export const commitImport = (id: string, body: { createLocations?: boolean; skipErrors?: boolean }) =>
  send("POST /imports/:id/commit", { params: { id }, body, timeoutMs: 180_000 });

export const listImports = () => get("/imports");
