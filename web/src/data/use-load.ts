import { useEffect, useState } from "preact/hooks";

export interface LoadState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data after a change made on this screen. */
  set: (data: T) => void;
}

/**
 * Loads something one screen needs and no other shares (a filtered page, a form's record): the
 * value, the error, and a way to ask again. Data several screens share comes from `useData`.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): LoadState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1), set: (data: T) => setState({ data, loading: false }) };
}
