import type { WebRequest } from 'webextension-polyfill';
import { seenFromResponse } from '../core/observation-record.js';
import { hostOfWebUrl } from '../core/url-host.js';
import { loadEngine } from './engine.js';
import { recent, tabs } from './stores.js';
import { noteOwnResponse } from './header-probe.js';
import { tabShows } from './tab-shown.js';
import { pageTarget } from '../core/page-target.js';

// What the worker keeps of each response, as cheaply as it can: this runs for
// every response of every page. Main documents are recorded with the headers
// signatures read; every other response only by host and address (what
// grouping a page's resources needs), parsed without building a URL.

// A cold worker is woken by the response and, a moment later, by the commit: the commit must not
// overtake the response's recording, which first waits for the catalogue (the headers it keeps).
const recording = new Map<number, Promise<void>>();

/** Resolves once every main-document response of the tab seen so far is recorded. */
export function documentsRecorded(tabId: number): Promise<void> {
  return recording.get(tabId) ?? Promise.resolve();
}

/** A tab's main document: a candidate for the tab's record until the tab commits to its URL. */
export function recordDocument(details: WebRequest.OnResponseStartedDetailsType): Promise<void> {
  if (details.tabId < 0) return Promise.resolve();
  const record = async () => {
    const [engine] = await Promise.all([loadEngine(), tabs.warm(details.tabId)]);
    const seen = seenFromResponse(details, engine.headerNames, Date.now());
    if (seen === undefined) return;
    // The commit waits for this, so only the tab's record is awaited; the recent hosts follow.
    void recent.remember(seen).catch((err: unknown) => console.error('whoserves:', err));
    const completed = await tabs.recordResponse(details.tabId, details.url, seen);
    // The commit came first (Firefox) and found no response to badge; now there is one.
    if (completed === undefined) return;
    const target = pageTarget(completed.url);
    if (target.kind === 'site') await tabShows(details.tabId, target, completed, 'new-document');
  };
  const done = documentsRecorded(details.tabId).then(record, record);
  recording.set(details.tabId, done);
  void done.finally(() => {
    if (recording.get(details.tabId) === done) recording.delete(details.tabId);
  });
  return done;
}

/** Any other response: its host and the address the browser connected to, kept in batches (see Batch). */
export function recordResource(details: WebRequest.OnResponseStartedDetailsType): void {
  if (details.tabId < 0) {
    noteOwnResponse(details); // the header probe's answer; nothing else outside tabs is kept
    return;
  }
  if (details.type === 'main_frame') return; // recordDocument has it, with headers
  const host = hostOfWebUrl(details.url);
  if (host === undefined) return;
  // The browser reports a canonical address; parsing it here would cost more than it checks.
  const ip = details.ip === undefined || details.ip === '' ? undefined : details.ip;
  tabs.recordResource(details.tabId, host, ip);
  recent.rememberAddress(host, ip, details.fromCache === true);
}

