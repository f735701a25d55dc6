import { useLayoutEffect, useState } from "preact/hooks";

/** A value components can watch: the app's few pieces of global state (session, language, route). */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders the calling component whenever the store changes. */
export function useStore<T>(store: Store<T>): T {
  const value = store.get();
  const [, setTick] = useState(0);
  // A layout effect subscribes in the same task as the render, and the check catches a change
  // that landed in between (a fast failure right after start-up would otherwise be missed).
  useLayoutEffect(() => {
    const update = () => setTick((n) => n + 1);
    const unsubscribe = store.subscribe(update);
    if (!Object.is(store.get(), value)) update();
    return unsubscribe;
  }, [store]);
  return value;
}
