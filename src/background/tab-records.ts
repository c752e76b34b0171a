import type { SeenResponse } from '../core/observation-record.js';
import { SessionStore, type StorageArea } from './session-store.js';

export interface ResourceHost {
  count: number;
  ip?: string;
  /** Named only by the content script so far: its count stands in until the first response from it is seen. */
  reported?: true;
}

/** Everything known about the document in one tab. */
export interface TabRecord {
  url: string;
  host: string;
  /** The main document's response, when the browser fetched it while we watched. */
  document?: SeenResponse;
  /** Hosts the page loaded resources from, with request counts. */
  resources: Record<string, ResourceHost>;
  /** When the content script last reported from this page. */
  contentSeenAt?: number;
  /** How many hosts `resources` holds. */
  hostCount?: number;
}

// A page can pull from thousands of hosts; past this many, new ones are not counted.
const MAX_RESOURCE_HOSTS = 300;

/**
 * What is kept per tab, over a storage area: one key per tab, written
 * together when events come in bursts. Every operation costs the same
 * however many tabs there are, and a tab's key is removed when it closes.
 */
export function tabRecorder(area: StorageArea) {
  const records = new SessionStore<TabRecord>('tab:', area);
  return {
    records,

    /** A new main document replaces everything known about the tab. */
    recordDocument(tabId: number, url: string, seen: SeenResponse): Promise<void> {
      return records.update(String(tabId), () => ({ url, host: seen.host, document: seen, resources: {} }), { flushNow: true });
    },

    recordResource(tabId: number, host: string, ip: string | undefined): Promise<void> {
      return records.update(String(tabId), (current) => {
        if (current === undefined) return undefined; // a page from before we watched: its document is unknown
        addResource(current, host, ip);
        return current;
      });
    },

    /**
     * The content script's report. It never overrides what the network showed;
     * it creates a record only for a page no response was seen for (restored
     * from the back/forward cache, served by a service worker, or loaded before
     * the extension), so the popup can say why there is no address.
     */
    recordPageReport(tabId: number, url: string, host: string, resourceHosts: string[], now: number): Promise<void> {
      return records.update(String(tabId), (current) => {
        const record: TabRecord = current !== undefined && current.host === host ? current : { url, host, resources: {} };
        for (const h of resourceHosts) if (record.resources[h] === undefined) addResource(record, h, undefined, true);
        record.contentSeenAt = now;
        return record;
      });
    },

    forgetTab(tabId: number): Promise<void> {
      return records.delete(String(tabId));
    },
  };
}

export type TabRecorder = ReturnType<typeof tabRecorder>;

// Counting hosts by key would cost a walk of the record per event; the count is kept instead.
// A content-script report can arrive before the response events for the same requests
// (it did in Firefox): the first response then replaces the report's stand-in count.
function addResource(record: TabRecord, host: string, ip: string | undefined, reported = false): void {
  const known = record.resources[host];
  if (known !== undefined) {
    if (known.reported === true) record.resources[host] = ip === undefined ? { count: 1 } : { count: 1, ip };
    else known.count += 1;
    return;
  }
  if ((record.hostCount ?? 0) >= MAX_RESOURCE_HOSTS) return;
  record.resources[host] = { count: 1, ...(ip === undefined ? {} : { ip }), ...(reported ? { reported: true as const } : {}) };
  record.hostCount = (record.hostCount ?? 0) + 1;
}
