import { useEffect, useRef, useState } from "preact/hooks";
import { fieldErrors as fieldsOf } from "./errors";
import { focusFirstError } from "./focus-error";

/**
 * Runs one request for a screen: `busy` while it runs (buttons show it and refuse a second press),
 * then the error, if any, for the screen to show. Returns the result, or undefined on failure.
 * Run from a form, a refusal moves focus to its first field in error (focusFirstError).
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refusals, setRefusals] = useState(0);
  // What was pressed (the submit button, or the field Enter was pressed in): its form is the one refused.
  const origin = useRef<Element | null>(null);
  useEffect(() => {
    if (refusals > 0) focusFirstError(origin.current);
  }, [refusals]);
  async function run(...args: A): Promise<R | undefined> {
    origin.current = document.activeElement;
    setBusy(true);
    setError(null);
    try {
      return await fn(...args);
    } catch (err) {
      setError(err);
      setRefusals((n) => n + 1);
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
