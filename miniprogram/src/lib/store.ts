/**
 * A value shared by every page, read with React's `useSyncExternalStore`. Taro mounts each page as
 * its own tree, so app-wide state (elder mode, the local cloud's date) lives here rather than in a
 * provider that every page would have to sit under.
 */
export type Store<T> = {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
};

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
