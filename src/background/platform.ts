import type { Browser } from 'webextension-polyfill';

// Where Chrome and Firefox differ in the APIs the worker listens with. The
// decisions are pure functions over what each browser hands over (the API is
// passed in, never imported), so both shapes are tested in Node
// (test/unit/platform.test.ts); docs/architecture.md lists the rest.

/**
 * Options for onResponseStarted listeners: response headers, and in Chrome
 * also 'extraHeaders', without which it withholds Set-Cookie (whose cookie
 * names are evidence). Firefox has no such option (its enum lacks
 * EXTRA_HEADERS) and rejects the listener if given it; it passes Set-Cookie anyway.
 * The price in Chrome is not bounded by the listener's filter: once any
 * listener asks for extraHeaders, Chromium starts every request of the
 * profile with its header client (two more trips through the browser per
 * request), so the main_frame filter limits what is delivered, not what it
 * costs: ~2–5 % of a 50-resource page's loadEventEnd, measured paired against
 * the same build without it.
 */
export function responseListenerOptions(webRequest: unknown): string[] {
  const options = (webRequest as { OnResponseStartedOptions?: { EXTRA_HEADERS?: unknown } } | undefined)?.OnResponseStartedOptions;
  const extra = options?.EXTRA_HEADERS;
  return typeof extra === 'string' ? ['responseHeaders', extra] : ['responseHeaders'];
}

/** The parts of a webRequest event that say who started the request. */
export interface RequestOrigin {
  /** Chrome: the origin that started it, `chrome-extension://<id>` (no trailing slash). */
  initiator?: string;
  /** Firefox: the URL of the page that started it, e.g. `moz-extension://<uuid>/_generated_background_page.html`. */
  originUrl?: string;
  documentUrl?: string;
}

/** Whether the extension itself (its worker or event page) made the request; `ownRoot` is runtime.getURL(''). */
export function isOwnRequest(details: RequestOrigin, ownRoot: string): boolean {
  const from = details.initiator ?? details.originUrl ?? details.documentUrl ?? '';
  return from !== '' && (from.startsWith(ownRoot) || `${from}/` === ownRoot);
}

/**
 * Calls `onCommit` when a tab commits to a document (tabs.onUpdated with
 * status "loading"; the URL comes with the tab, which host access lets us
 * read). Firefox can filter the event to status changes, so title and
 * favicon updates do not wake the background; Chrome has no such filter.
 * Firefox also resets a tab's badge at its location change, which can come
 * after that event, so there `onLoaded` (status "complete") sets it again.
 */
export function listenForCommits(browser: Browser, onCommit: (tabId: number, url: string) => void, onLoaded: (tabId: number, url: string) => void): void {
  const filterable = typeof (browser.runtime as unknown as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  const listener = (tabId: number, change: { status?: string }, tab: { url?: string }) => {
    if (tab.url === undefined) return;
    if (change.status === 'loading') onCommit(tabId, tab.url);
    else if (change.status === 'complete' && filterable) onLoaded(tabId, tab.url);
  };
  if (filterable) (browser.tabs.onUpdated.addListener as (l: typeof listener, f: { properties: string[] }) => void)(listener, { properties: ['status'] });
  else browser.tabs.onUpdated.addListener(listener);
}
