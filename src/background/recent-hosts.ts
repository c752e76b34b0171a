import type { SeenResponse } from '../core/observation-record.js';
import { SessionStore, UNCHANGED, type StorageArea } from './session-store.js';

// What the browser saw of hosts across all tabs this session, so a context-menu
// lookup of a link can be answered offline when the host was already seen.
// Bounded and least-recently-seen first out; kept in storage.session, so it is
// gone when the browser closes.
const MAX_HOSTS = 200;

type Recent = Record<string, SeenResponse>;

function add(current: Recent, seen: SeenResponse): Recent {
  delete current[seen.host]; // re-insert so key order is recency order
  current[seen.host] = seen;
  // Bounded at MAX_HOSTS, so this walk costs at most that much, whatever the traffic.
  const hosts = Object.keys(current);
  for (const old of hosts.slice(0, Math.max(0, hosts.length - MAX_HOSTS))) delete current[old];
  return current;
}

export function recentHosts(area: StorageArea) {
  const store = new SessionStore<Recent>('recent:', area, 1000);
  return {
    /** Prefers the freshest network response; a cached one never replaces a real one. */
    remember(seen: SeenResponse): Promise<void> {
      return store.update('hosts', (current = {}) => {
        const previous = current[seen.host];
        if (previous !== undefined && seen.fromCache && !previous.fromCache) return UNCHANGED;
        return add(current, seen);
      });
    },

    /**
     * A sub-resource's host and address (no headers are read for those). A host
     * already known at that address costs nothing: this runs for every response.
     */
    rememberAddress(host: string, ip: string | undefined, fromCache: boolean): Promise<void> {
      return store.update('hosts', (current = {}) => {
        const previous = current[host];
        // A document's response (with its headers) says more than a resource's address.
        if (previous !== undefined && (previous.status > 0 || previous.ip === ip || fromCache)) return UNCHANGED;
        const seen: SeenResponse = { host, status: 0, headers: {}, cookieNames: [], fromCache, at: Date.now() };
        if (ip !== undefined) seen.ip = ip;
        return add(current, seen);
      });
    },

    async get(host: string): Promise<SeenResponse | undefined> {
      return (await store.get('hosts'))?.[host];
    },
  };
}
