import type { Browser } from 'webextension-polyfill';

/**
 * The extension API as the browser itself provides it, with
 * webextension-polyfill's types. Chromium (150 and later, measured here) and
 * Firefox both expose a promise-based `browser` namespace to extension pages,
 * where the polyfill only passes it through; the popup, which every click
 * opens and whose size is budgeted, uses it directly rather than carrying the
 * polyfill's 10 KB. Older Chromium has `chrome`, promise-based in MV3.
 */
const scope = globalThis as unknown as { browser?: Browser; chrome: Browser };
export const ext: Browser = scope.browser ?? scope.chrome;
