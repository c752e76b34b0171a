import assert from 'node:assert/strict';
import { isOwnRequest, responseListenerOptions } from '../../src/background/platform.js';

// What each browser hands the worker, as measured in Chromium 156 and Firefox ESR 153.

describe('browser differences in webRequest', () => {
  it('asks Chrome for extraHeaders, so Set-Cookie reaches the listener, and never asks Firefox, which rejects it', () => {
    const chrome = { OnResponseStartedOptions: { EXTRA_HEADERS: 'extraHeaders', RESPONSE_HEADERS: 'responseHeaders' } };
    const firefox = { OnResponseStartedOptions: { RESPONSEHEADERS: 'responseHeaders' } };
    assert.deepEqual(responseListenerOptions(chrome), ['responseHeaders', 'extraHeaders']);
    assert.deepEqual(responseListenerOptions(firefox), ['responseHeaders']);
    assert.deepEqual(responseListenerOptions(undefined), ['responseHeaders']);
  });

  it('knows its own requests by Chrome\'s initiator origin and by Firefox\'s originating page', () => {
    const chromeRoot = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
    const firefoxRoot = 'moz-extension://3c1c2b9e-7c1e-4d55-9a53-2f1f5f0e8a11/';
    assert.ok(isOwnRequest({ initiator: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }, chromeRoot));
    assert.ok(isOwnRequest({ originUrl: `${firefoxRoot}_generated_background_page.html`, documentUrl: `${firefoxRoot}_generated_background_page.html` }, firefoxRoot));
    assert.ok(!isOwnRequest({ initiator: 'chrome-extension://otherotherotherotherotherotherot' }, chromeRoot));
    assert.ok(!isOwnRequest({ initiator: 'https://example.com' }, chromeRoot));
    assert.ok(!isOwnRequest({ originUrl: 'moz-extension://another-uuid/page.html' }, firefoxRoot));
    assert.ok(!isOwnRequest({}, chromeRoot), 'a request from nowhere (the browser itself) is not ours');
  });
});
