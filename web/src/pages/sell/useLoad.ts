import { useEffect, useState } from "preact/hooks";

/** Loads data for a screen: the value, the error, and a way to ask again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; busy: boolean }>({ busy: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, busy: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, busy: false }),
      (error) => live && setState((s) => ({ ...s, error, busy: false })),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1), set: (data: T) => setState({ data, busy: false }) };
}
