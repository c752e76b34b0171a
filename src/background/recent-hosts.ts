import type { SeenResponse } from '../core/observation-record.js';
import { SessionStore } from './session-store.js';

// What the browser saw of hosts across all tabs this session, so a context-menu
// lookup of a link can be answered offline when the host was already seen.
// Bounded and least-recently-seen first out; kept in storage.session, so it is
// gone when the browser closes.
const MAX_HOSTS = 200;

type Recent = Record<string, SeenResponse>;

const store = new SessionStore<Recent>('recent:', 1000);

/** Prefers the freshest network response; a cached one never replaces a real one. */
export function rememberHost(seen: SeenResponse): Promise<void> {
  return store.update('hosts', (current = {}) => {
    const previous = current[seen.host];
    if (previous !== undefined && seen.fromCache && !previous.fromCache) return current;
    delete current[seen.host]; // re-insert so key order is recency order
    current[seen.host] = seen;
    const hosts = Object.keys(current);
    for (const old of hosts.slice(0, Math.max(0, hosts.length - MAX_HOSTS))) delete current[old];
    return current;
  });
}

export async function recentHost(host: string): Promise<SeenResponse | undefined> {
  return (await store.get('hosts'))?.[host];
}
