import type { SeenResponse } from '../core/observation-record.js';
import { SessionStore } from './session-store.js';

export interface ResourceHost {
  count: number;
  ip?: string;
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
}

// A page can pull from thousands of hosts; past this many, new ones are not counted.
const MAX_RESOURCE_HOSTS = 300;

export const tabRecords = new SessionStore<TabRecord>('tab:');

/** A new main document replaces everything known about the tab. */
export function recordDocument(tabId: number, url: string, seen: SeenResponse): Promise<void> {
  return tabRecords.update(String(tabId), () => ({ url, host: seen.host, document: seen, resources: {} }), { flushNow: true });
}

export function recordResource(tabId: number, host: string, ip: string | undefined): Promise<void> {
  return tabRecords.update(String(tabId), (current) => {
    if (current === undefined) return undefined; // a page from before we watched: its document is unknown
    const known = current.resources[host];
    if (known !== undefined) known.count += 1;
    else if (Object.keys(current.resources).length < MAX_RESOURCE_HOSTS) current.resources[host] = ip === undefined ? { count: 1 } : { count: 1, ip };
    return current;
  });
}

/**
 * The content script's report. It never overrides what the network showed;
 * it creates a record only for a page no response was seen for (restored
 * from the back/forward cache, served by a service worker, or loaded before
 * the extension), so the popup can say why there is no address.
 */
export function recordPageReport(tabId: number, url: string, host: string, resourceHosts: string[], now: number): Promise<void> {
  return tabRecords.update(String(tabId), (current) => {
    const record: TabRecord = current !== undefined && current.host === host ? current : { url, host, resources: {} };
    for (const h of resourceHosts) {
      if (record.resources[h] === undefined && Object.keys(record.resources).length < MAX_RESOURCE_HOSTS) record.resources[h] = { count: 1 };
    }
    record.contentSeenAt = now;
    return record;
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return tabRecords.delete(String(tabId));
}
