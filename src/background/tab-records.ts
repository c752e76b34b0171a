import type { SeenResponse } from '../core/observation-record.js';
import { SessionStore, UNCHANGED, type StorageArea } from './session-store.js';
import { documentUrl } from '../core/url-host.js';
import { Batch } from './batch.js';

// What is kept per tab, over a storage area (storage.session in the worker, a
// Map in tests): one key per tab, written together when events come in bursts.
//
// A main-frame response is only a candidate until the tab commits to its URL:
// a page can navigate its own tab to a URL answering 204 No Content (or a
// download), which never replaces the page, and must not replace what the
// extension says about it. Documents the tab showed before are kept briefly,
// so a page restored from the back/forward cache (no request at all) still has
// its answer. This is why no content script is needed.

export interface ResourceHost {
  count: number;
  ip?: string;
}

/** One document a tab showed: its response, when one was seen, and the hosts it loaded from. */
export interface DocumentRecord {
  /** The URL without its fragment. */
  url: string;
  host: string;
  /** The document's response; absent when the tab showed it without one being seen. */
  seen?: SeenResponse;
  /** Why there is no response: loaded before whoserves watched, or restored/served without a request. */
  missing?: 'unseen' | 'no-response';
  /** When the tab committed to this URL without a response for it: one may still come (LATE_RESPONSE_MS). */
  committedAt?: number;
  resources: Record<string, ResourceHost>;
  /** How many hosts `resources` holds (counting keys would cost a walk per event). */
  hostCount: number;
}

export interface TabRecord {
  /** Main-frame responses the tab has not committed to yet, newest last. */
  pending: { url: string; seen: SeenResponse }[];
  current?: DocumentRecord;
  /** Documents shown before, newest last, for back/forward-cache restores. */
  previous: DocumentRecord[];
}

/** What a commit did to the tab's document. */
export type Commit = 'new-document' | 'restored' | 'same-document';

// A page can pull from thousands of hosts; past this many, new ones are not counted.
const MAX_RESOURCE_HOSTS = 300;
/** Documents kept for the back/forward cache keep fewer hosts: only the current one is shown in full. */
const MAX_PREVIOUS_HOSTS = 50;
const MAX_PENDING = 3;
const MAX_PREVIOUS = 3;
/**
 * Firefox can deliver a tab's commit event before the response that the
 * commit was for (measured in ESR 153): a response for the very URL a tab
 * just committed to without one is that document's. Only the same URL,
 * and only briefly, so a page navigating its tab elsewhere (a 204) still
 * cannot change what is said about it.
 */
const LATE_RESPONSE_MS = 5000;

const originOf = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0].toLowerCase();

function trimResources(doc: DocumentRecord, max: number): DocumentRecord {
  if (doc.hostCount <= max) return doc;
  const kept = Object.entries(doc.resources).sort(([, a], [, b]) => b.count - a.count).slice(0, max);
  return { ...doc, resources: Object.fromEntries(kept), hostCount: kept.length };
}

/** storage.session holds 10 MB in Chrome; tabs get most of it, recent hosts and settings the rest. */
export const TAB_RECORDS_BUDGET = 7 * 1024 * 1024;

/** How long sub-resource responses are gathered before they are counted (see Batch). */
const RESOURCE_BATCH_MS = 100;

type ResourceSeen = [tabId: number, host: string, ip: string | undefined];

function countResource(doc: DocumentRecord, host: string, ip: string | undefined): boolean {
  const known = doc.resources[host];
  if (known !== undefined) known.count += 1;
  else if (doc.hostCount < MAX_RESOURCE_HOSTS) {
    doc.resources[host] = ip === undefined ? { count: 1 } : { count: 1, ip };
    doc.hostCount += 1;
  } else return false;
  return true;
}

export function tabRecorder(area: StorageArea, maxBytes = TAB_RECORDS_BUDGET) {
  // Written at most once a second: a browser stops an idle worker only after 30 s, long after.
  const records = new SessionStore<TabRecord>('tab:', area, 1000, maxBytes);
  // One record update per tab per batch, applied before anything else reads or changes a record (store()
  // below), so resources seen before a commit count for the document they were loaded for.
  const resources = new Batch<ResourceSeen>((seen) => {
    const byTab = new Map<number, ResourceSeen[]>();
    for (const r of seen) (byTab.get(r[0]) ?? byTab.set(r[0], []).get(r[0])!).push(r);
    return Promise.all(
      [...byTab].map(([tabId, list]) =>
        records.update(String(tabId), (record) => {
          const doc = record?.current;
          if (doc === undefined) return UNCHANGED; // a page from before we watched: its document is unknown
          let changed = false;
          for (const [, host, ip] of list) changed = countResource(doc, host, ip) || changed;
          return changed ? record : UNCHANGED;
        }),
      ),
    );
  }, RESOURCE_BATCH_MS);
  // Every method below reads or changes records through this, so the resources batched so far land first.
  const store = () => {
    void resources.flush();
    return records;
  };
  return {
    records,

    /**
     * A main document's response: a candidate until the tab commits to its
     * URL, or, when the commit came first, the document it completes (returned).
     */
    async recordResponse(tabId: number, url: string, seen: SeenResponse): Promise<DocumentRecord | undefined> {
      let completed: DocumentRecord | undefined;
      await store().update(String(tabId), (current) => {
        const record = current ?? { pending: [], previous: [] };
        const at = documentUrl(url);
        const doc = record.current;
        if (doc?.url === at && doc.committedAt !== undefined && seen.at >= doc.committedAt && seen.at - doc.committedAt <= LATE_RESPONSE_MS) {
          delete doc.missing;
          delete doc.committedAt;
          doc.seen = seen;
          completed = doc;
          return record;
        }
        record.pending = [...record.pending.filter((p) => p.url !== at), { url: at, seen }].slice(-MAX_PENDING);
        return record;
      });
      return completed;
    },

    /**
     * The tab committed to `url` (tabs.onUpdated with status "loading"): the
     * response seen for that URL becomes the tab's document; failing that, a
     * document shown before (a back/forward-cache restore); failing that, the
     * same document when the origin did not change (history.pushState, a
     * fragment); otherwise a document without a response.
     */
    async commit(tabId: number, url: string, host: string, now = Date.now()): Promise<{ commit: Commit; document: DocumentRecord }> {
      let outcome: { commit: Commit; document: DocumentRecord } | undefined;
      await store().update(String(tabId), (existing) => {
        const record = existing ?? { pending: [], previous: [] };
        const at = documentUrl(url);
        const retire = (doc: DocumentRecord | undefined) => {
          if (doc !== undefined) record.previous = [...record.previous.filter((p) => p.url !== doc.url), trimResources(doc, MAX_PREVIOUS_HOSTS)].slice(-MAX_PREVIOUS);
        };
        const response = record.pending.find((p) => p.url === at);
        const earlier = record.previous.find((p) => p.url === at);
        if (response !== undefined) {
          retire(record.current);
          record.current = { url: at, host, seen: response.seen, resources: {}, hostCount: 0 };
          record.pending = record.pending.filter((p) => p !== response);
          outcome = { commit: 'new-document', document: record.current };
        } else if (earlier !== undefined && earlier.url !== record.current?.url) {
          retire(record.current);
          record.previous = record.previous.filter((p) => p !== earlier);
          record.current = earlier;
          outcome = { commit: 'restored', document: earlier };
        } else if (record.current !== undefined && originOf(record.current.url) === originOf(at)) {
          // Or a new document of the same site whose response Firefox has yet to deliver.
          record.current.url = at;
          record.current.committedAt = now;
          outcome = { commit: 'same-document', document: record.current };
        } else {
          retire(record.current);
          // No record at all: the page was there before whoserves watched this tab.
          record.current = { url: at, host, missing: existing === undefined ? 'unseen' : 'no-response', committedAt: now, resources: {}, hostCount: 0 };
          outcome = { commit: 'new-document', document: record.current };
        }
        return record;
      });
      return outcome!;
    },

    /** A sub-resource response: counted, with the others of its batch, for the document the tab shows. */
    recordResource(tabId: number, host: string, ip: string | undefined): void {
      resources.add([tabId, host, ip]);
    },

    /**
     * The document the tab shows at `url`: the one whoserves saw it commit to,
     * or, when the popup is quicker than the commit event, the response for
     * that very URL still waiting for it.
     */
    async documentAt(tabId: number, url: string, host: string): Promise<DocumentRecord | undefined> {
      const record = await store().get(String(tabId));
      const at = documentUrl(url);
      if (record?.current?.url === at) return record.current;
      const response = record?.pending.find((p) => p.url === at);
      return response === undefined ? undefined : { url: at, host, seen: response.seen, resources: {}, hostCount: 0 };
    },

    /** Reads the tab's record ahead of an update, so a cold worker's read overlaps its other loading. */
    async warm(tabId: number): Promise<void> {
      await store().get(String(tabId));
    },

    forgetTab(tabId: number): Promise<void> {
      return store().delete(String(tabId));
    },
  };
}

export type TabRecorder = ReturnType<typeof tabRecorder>;
