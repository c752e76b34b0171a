import browser, { type WebRequest } from 'webextension-polyfill';

// Where Chrome and Firefox differ in the APIs the worker listens with.

/**
 * Response headers for main documents: Chrome withholds Set-Cookie (cookie
 * signatures need its names) unless asked with 'extraHeaders', a value Firefox
 * rejects. Only main documents ask for headers at all.
 */
export function responseHeaderOptions(): WebRequest.OnResponseStartedOptions[] {
  const extra = (browser.webRequest as unknown as { OnResponseStartedOptions?: { EXTRA_HEADERS?: string } }).OnResponseStartedOptions?.EXTRA_HEADERS;
  return ['responseHeaders', ...(extra === undefined ? [] : [extra])] as WebRequest.OnResponseStartedOptions[];
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
