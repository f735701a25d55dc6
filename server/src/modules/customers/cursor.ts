import { badRequest } from "../../lib/errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque page cursors: the sort key of the last item (ending with its id), stable while rows are added. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((k) => typeof k === "string") &&
      UUID.test(String(key[length - 1]))
    )
      return key;
  } catch {
    // fall through to the error below
  }
  throw badRequest("This page link is no longer valid. Start the list again.", { fields: { cursor: ["is invalid"] } });
}
