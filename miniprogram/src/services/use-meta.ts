import { useSyncExternalStore } from 'react';
import { createStore } from '../lib/store';
import { loadMeta } from './meta';
import type { AppMeta } from './meta-contract';

const metaStore = createStore<AppMeta | null>(null);
let loading: Promise<void> | null = null;

function subscribe(listener: () => void): () => void {
  loading ??= loadMeta().then((meta) => metaStore.set(meta));
  return metaStore.subscribe(listener);
}

/** The app's meta (today, local mode, demo users), loaded once; null until it has arrived. */
export function useMeta(): AppMeta | null {
  return useSyncExternalStore(subscribe, metaStore.get, metaStore.get);
}

/** Today as the cloud sees it ('YYYY-MM-DD'); null while loading. */
export function useToday(): string | null {
  return useMeta()?.today ?? null;
}
