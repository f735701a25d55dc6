import { useState } from "preact/hooks";
import { fieldErrors as fieldsOf } from "./errors";

/**
 * Runs one request for a screen: `busy` while it runs (buttons show it and refuse a second press),
 * then the error, if any, for the screen to show. Returns the result, or undefined on failure.
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run(...args: A): Promise<R | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await fn(...args);
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fieldErrors: fieldsOf(error), run };
}

/** The values of a submitted form, by input name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") values[key] = value;
  });
  return values;
}
