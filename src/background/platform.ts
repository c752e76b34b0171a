// Where Chrome and Firefox differ in what the worker reads from webRequest.
// Pure functions over what each browser hands over, so both shapes are tested
// in Node (test/unit/platform.test.ts); docs/architecture.md lists the rest.

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
