import assert from 'node:assert/strict';
import { lookupTarget, pageTarget } from '../../src/core/page-target.js';

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
      assert.equal(t.domain, domain);
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

describe('lookupTarget', () => {
  const ok: [string, string][] = [
    ['example.com', 'example.com'],
    ['  WWW.Example.com.  ', 'www.example.com'],
    ['https://example.com/a/b?c', 'example.com'],
    ['http://link.example:8080/x', 'link.example'],
    ['1.1.1.1', '1.1.1.1'],
    ['[2606:4700::1111]', '2606:4700::1111'],
    ['2606:4700::1111', '2606:4700::1111'],
    ['localhost', 'localhost'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
  ];
  for (const [input, host] of ok) it(`${JSON.stringify(input)} → ${host}`, () => assert.equal(lookupTarget(input)?.host, host));

  for (const input of ['', '   ', 'word', 'two words.com', 'mailto:a@b.example', 'javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'x'.repeat(3000)]) {
    it(`${JSON.stringify(input.slice(0, 30))} names no host`, () => assert.equal(lookupTarget(input), undefined));
  }
});

describe('lookupTarget: ports and schemes', () => {
  it('reads host:port as a host, not a scheme', () => assert.equal(lookupTarget('localhost:3000')?.host, 'localhost'));
  it('reads example.com:8080/path as a host', () => assert.equal(lookupTarget('example.com:8080/path')?.host, 'example.com'));
  it('refuses tel: links', () => assert.equal(lookupTarget('tel:+4912345'), undefined));
});
