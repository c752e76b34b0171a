import assert from 'node:assert/strict';
import { pageTarget, withDomain } from '../../src/core/page-target.js';

describe('pageTarget', () => {
  const sites: [string, string, string | undefined][] = [
    ['https://www.example.co.uk/path?q=1', 'www.example.co.uk', 'example.co.uk'],
    ['http://Example.COM./', 'example.com', 'example.com'],
    ['https://user:pw@shop.example.com:8443/x', 'shop.example.com', 'example.com'],
    ['https://bücher.example/', 'xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['http://192.0.2.10:8080/', '192.0.2.10', undefined],
    ['http://[2001:db8::1]/', '2001:db8::1', undefined],
    ['http://localhost:3000/', 'localhost', undefined],
    ['https://octocat.github.io/', 'octocat.github.io', 'github.io'],
  ];
  for (const [url, host, domain] of sites) {
    it(`${url} → ${host}`, () => {
      const t = pageTarget(url);
      assert.equal(t.kind, 'site');
      if (t.kind !== 'site') return;
      assert.equal(t.host, host);
      assert.equal(withDomain(t).domain, domain);
    });
  }

  const refused: [string, string][] = [
    ['chrome://extensions/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['ftp://example.com/', 'browser-page'],
    ['file:///home/me/a.html', 'local-file'],
    ['chrome-extension://abcdef/popup.html', 'extension-page'],
    ['moz-extension://1234/popup.html', 'extension-page'],
    ['data:text/html,hi', 'inline-content'],
    ['blob:https://example.com/1234', 'inline-content'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://chrome.google.com/webstore/detail/x', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'web-store'],
    ['not a url', 'invalid-url'],
    ['', 'invalid-url'],
  ];
  for (const [url, reason] of refused) {
    it(`${JSON.stringify(url)} cannot be inspected: ${reason}`, () => {
      assert.deepEqual(pageTarget(url), { kind: 'uninspectable', reason });
    });
  }
  it('chrome.google.com outside the store is an ordinary site', () => {
    assert.equal(pageTarget('https://chrome.google.com/intl/en/').kind, 'site');
  });
});
