import type { Browser } from 'webextension-polyfill';

/**
 * The extension API as the browser itself provides it, with
 * webextension-polyfill's types. Chromium (150 and later, measured here) and
 * Firefox both expose a promise-based `browser` namespace to extensions; older
 * Chromium has `chrome`, promise-based in MV3. The popup, which every click
 * opens, and the worker, which starts on most page loads after 30 s idle, use
 * it directly: the polyfill's wrapper cost the worker 4–5 ms of every wake
 * (a tenth of a cold badge, measured paired) and both of them its 10 KB. The
 * options page, opened rarely, keeps the polyfill.
 */
const scope = globalThis as unknown as { browser?: Browser; chrome: Browser };
export const ext: Browser = scope.browser ?? scope.chrome;
