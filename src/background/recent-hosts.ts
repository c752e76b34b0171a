import type { SeenResponse } from '../core/observation-record.js';
import { SessionStore, UNCHANGED, type StorageArea } from './session-store.js';
import { Batch } from './batch.js';

// What the browser saw of hosts across all tabs this session, so a lookup of a
// link can be answered from it when the host was already seen. Bounded and
// least-recently-seen first out; in storage.session, so gone when the browser
// closes. A small index (host → address) is all that every response touches;
// a document's full response (with its headers) has a key of its own, read
// only when a lookup asks for that host.
const MAX_HOSTS = 200;

interface Entry {
  ip?: string;
  /** A document's response is kept under its own key, with its headers. */
  document?: true;
  fromCache?: true;
}

type Index = Record<string, Entry>;

function touch(index: Index, host: string, entry: Entry): { index: Index; evicted: string[] } {
  delete index[host]; // re-insert so key order is recency order
  index[host] = entry;
  // Bounded at MAX_HOSTS, so this walk costs at most that much, whatever the traffic.
  const hosts = Object.keys(index);
  const evicted = hosts.slice(0, Math.max(0, hosts.length - MAX_HOSTS)).filter((h) => index[h]!.document === true);
  for (const old of hosts.slice(0, Math.max(0, hosts.length - MAX_HOSTS))) delete index[old];
  return { index, evicted };
}

type AddressSeen = [host: string, ip: string | undefined, fromCache: boolean];

/** How long sub-resources' addresses are gathered before the index takes them (see Batch). */
const ADDRESS_BATCH_MS = 100;

export function recentHosts(area: StorageArea) {
  const index = new SessionStore<Index>('recent:', area, 1000);
  const documents = new SessionStore<SeenResponse>('recent-document:', area, 1000);
  // Evictions are coalesced like any other write: a busy page evicts on nearly every response.
  const forget = (hosts: string[]) => Promise.all(hosts.map((h) => documents.update(h, () => undefined)));
  const addresses = new Batch<AddressSeen>(async (seen) => {
    const evicted: string[] = [];
    await index.update('index', (current = {}) => {
      let changed = false;
      for (const [host, ip, fromCache] of seen) {
        const previous = current[host];
        // A document's response (with its headers) says more than a resource's address.
        if (previous !== undefined && (previous.document === true || previous.ip === ip || fromCache)) continue;
        const next = touch(current, host, ip === undefined ? {} : { ip });
        evicted.push(...next.evicted);
        changed = true;
      }
      return changed ? current : UNCHANGED;
    });
    if (evicted.length > 0) await forget(evicted);
  }, ADDRESS_BATCH_MS);
  // The index as a document or a lookup must see it: the addresses batched so far applied first (an
  // address seen before a document must not replace it).
  const latestIndex = () => {
    void addresses.flush();
    return index;
  };
  return {
    /** A document's response; a cached one never replaces a real one. */
    async remember(seen: SeenResponse): Promise<void> {
      let evicted: string[] = [];
      await latestIndex().update('index', (current = {}) => {
        const previous = current[seen.host];
        if (previous?.document === true && seen.fromCache && previous.fromCache !== true) return UNCHANGED;
        const entry: Entry = { document: true, ...(seen.ip === undefined ? {} : { ip: seen.ip }), ...(seen.fromCache ? { fromCache: true as const } : {}) };
        const next = touch(current, seen.host, entry);
        evicted = next.evicted;
        return next.index;
      });
      await Promise.all([documents.update(seen.host, () => seen), forget(evicted)]);
    },

    /**
     * A sub-resource's host and address (no headers are read for those), taken
     * with the others of its batch. A host already known costs nothing: this
     * runs for every response.
     */
    rememberAddress(host: string, ip: string | undefined, fromCache: boolean): void {
      addresses.add([host, ip, fromCache]);
    },

    async get(host: string): Promise<SeenResponse | undefined> {
      const entry = (await latestIndex().get('index'))?.[host];
      if (entry === undefined) return undefined;
      if (entry.document === true) return documents.get(host);
      const seen: SeenResponse = { host, status: 0, headers: {}, cookieNames: [], fromCache: entry.fromCache === true, at: 0 };
      if (entry.ip !== undefined) seen.ip = entry.ip;
      return seen;
    },
  };
}
