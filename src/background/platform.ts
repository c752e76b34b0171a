import browser from 'webextension-polyfill';

// Where Chrome and Firefox differ in the APIs the worker listens with. The
// decisions are pure functions over what each browser hands over, so both
// shapes are tested in Node (test/unit/platform.test.ts); docs/architecture.md
// lists the rest.

/**
 * Options for onResponseStarted listeners: response headers, and in Chrome
 * also 'extraHeaders', without which it withholds Set-Cookie (whose cookie
 * names are evidence). Firefox has no such option (its enum lacks
 * EXTRA_HEADERS) and rejects the listener if given it; it passes Set-Cookie anyway.
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
 */
export function listenForCommits(onCommit: (tabId: number, url: string) => void): void {
  const listener = (tabId: number, change: { status?: string }, tab: { url?: string }) => {
    if (change.status === 'loading' && tab.url !== undefined) onCommit(tabId, tab.url);
  };
  const filterable = typeof (browser.runtime as unknown as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  if (filterable) (browser.tabs.onUpdated.addListener as (l: typeof listener, f: { properties: string[] }) => void)(listener, { properties: ['status'] });
  else browser.tabs.onUpdated.addListener(listener);
}
