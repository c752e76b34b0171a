import assert from 'node:assert/strict';
import { isEmailAddress, mailtoLink } from '../../src/core/email-address.js';
import { BodyTooLarge, readCapped, type FetchResponse } from '../../src/core/net/fetch-like.js';
import { readRegistrar } from '../../src/core/rdap/rdap-domain.js';
import { readNetwork, rdapIp } from '../../src/core/rdap/rdap-ip.js';
import { rdapFetch } from '../../src/core/rdap/rdap-fetch.js';
import { hostOfWebUrl } from '../../src/core/url-host.js';
import { probe, type ProbeRequest } from '../../src/core/probe.js';

// Text and bytes from strangers' servers: bounded, typed, never trusted as markup or links.

function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}): FetchResponse & { read: number } {
  const res = {
    read: 0,
    ok: true,
    status: 200,
    headers: { get: (name: string) => headers[name] ?? null },
    body: {
      getReader: () => ({
        read: async () => {
          const value = chunks[res.read];
          if (value === undefined) return { done: true };
          res.read++;
          return { done: false, value };
        },
        cancel: async () => undefined,
      }),
    },
    arrayBuffer: async () => new ArrayBuffer(0),
  };
  return res;
}

describe('bodies read with a cap', () => {
  it('stops reading as soon as the cap is passed', async () => {
    const res = streamed(Array.from({ length: 1000 }, () => new Uint8Array(1 << 20)));
    await assert.rejects(readCapped(res, 65535), BodyTooLarge);
    assert.equal(res.read, 1, 'one chunk read, not a gigabyte');
  });
  it('refuses a declared length over the cap before reading', async () => {
    const res = streamed([new Uint8Array(10)], { 'content-length': '999999999' });
    await assert.rejects(readCapped(res, 65535), BodyTooLarge);
    assert.equal(res.read, 0);
  });
  it('an RDAP answer of many megabytes is malformed, not a crash', async () => {
    const fetch = async () => streamed(Array.from({ length: 50 }, () => new Uint8Array(1 << 20)));
    const out = await rdapFetch('https://rdap.example/x', 'x', fetch, 2000);
    assert.equal(out.status, 'malformed');
  });
});

describe('hostile registry JSON', () => {
  const deep = (n: number): unknown => (n === 0 ? [] : [deep(n - 1)]);
  const hostile: unknown[] = [
    { entities: [{ roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', 'R'.repeat(100_000)]]], publicIds: [{ type: { toString: 1 }, identifier: { toString: 1 } }, { type: 'IANA Registrar ID', identifier: { valueOf: 5 } }] }] },
    { entities: [{ roles: ['registrar'], handle: ['x'], publicIds: deep(5000) }] },
    { entities: deep(5000) },
    { __proto__: { entities: [] }, entities: { length: 3 } },
    JSON.parse('{"entities":[{"roles":["registrar"],"vcardArray":["vcard",[["fn",{},"text","R"]]],"publicIds":[{"type":"IANA Registrar ID","identifier":"1e400"}],"__proto__":{"polluted":true}}]}'),
  ];
  for (const [i, body] of hostile.entries()) {
    it(`reads hostile domain record ${i} without throwing, bounded`, () => {
      const r = readRegistrar(body, 'https://rdap.example/');
      if (r !== undefined) {
        assert.ok(r.name.length <= 200);
        assert.equal(r.ianaId, undefined, 'only a plain number is an IANA id');
      }
      assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    });
  }
  it('a registry answering with a stack of arrays thousands deep gives an outcome, never a rejection', async () => {
    const body = new TextEncoder().encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const fetch = async () => streamed([body]);
    const out = await rdapIp('192.0.2.1', { server: 'https://rdap.example/', fetch, timeoutMs: 2000 });
    assert.ok(out.status === 'malformed', out.status);
  });
  it('keeps only plain addresses as abuse e-mail, and only phone characters as a phone', () => {
    const net = readNetwork({ objectClassName: 'ip network', entities: [{ roles: ['abuse'], vcardArray: ['vcard', [['email', {}, 'text', 'abuse%40evil.example?bcc=a@b.example'], ['tel', {}, 'text', '+1 555\u001b[2J<script>']]] }] }, 'u');
    assert.equal(net?.abuseEmail, undefined);
    assert.equal(net?.abusePhone, '+1 5552');
  });
});

describe('e-mail addresses for mailto links', () => {
  for (const good of ['abuse@hetzner.com', 'trust+safety@cloudflare.com', "o'brien@example.co.uk"]) it(`accepts ${good}`, () => assert.equal(mailtoLink(good), `mailto:${good}`));
  for (const bad of ['abuse%40evil.example', 'abuse@evil.example?cc=x@y.example', 'a@b', 'two@at@x.example', 'abuse@evil.example,other@x.example', 'ab use@x.example', 'abuse@x.example\nBcc: a@b.example', '']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      assert.equal(isEmailAddress(bad), false);
      assert.equal(mailtoLink(bad), undefined);
    });
  }
});

describe('the host of a web URL, without a URL object', () => {
  const rows: [string, string | undefined][] = [
    ['https://Example.COM/a?b#c', 'example.com'],
    ['http://user:pass@host.example:8080/x', 'host.example'],
    ['https://[2606:4700::1111]:443/', '2606:4700::1111'],
    ['https://trailing.example./', 'trailing.example'],
    ['ftp://x.example/', undefined],
    ['data:text/html,hi', undefined],
    ['https:///nohost', undefined],
    ['https://[broken/', undefined],
  ];
  for (const [url, host] of rows) it(`${url} → ${host}`, () => assert.equal(hostOfWebUrl(url), host));
  it('agrees with URL on what the browser reports', () => {
    for (const url of ['https://a.b.example/x', 'http://xn--bcher-kva.example:81/', 'https://1.2.3.4/']) assert.equal(hostOfWebUrl(url), new URL(url).hostname);
  });
});

describe('the probe never goes into the person\'s network', () => {
  const names = new Set(['server']);
  it('does not follow a redirect to a private, loopback or link-local address literal', async () => {
    for (const target of ['http://192.168.1.1/admin', 'http://127.0.0.1:8080/', 'http://[fe80::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:10.0.0.1]/', 'http://[64:ff9b::a00:1]/']) {
      const asked: string[] = [];
      const request: ProbeRequest = async (url) => {
        asked.push(url);
        return { status: 302, headers: [{ name: 'location', value: target }], ip: '151.101.1.1' };
      };
      const result = await probe('https://public.example/', request, names);
      assert.deepEqual(asked, ['https://public.example/'], target);
      assert.equal(result.error?.status, 'private-address', target);
    }
  });
  it('drops an answer that came from inside the network, whatever the name said', async () => {
    const request: ProbeRequest = async () => ({ status: 200, headers: [{ name: 'server', value: 'router' }], ip: '192.168.0.1' });
    const result = await probe('https://rebound.example/', request, names);
    assert.deepEqual(result.hops, []);
    assert.equal(result.error?.status, 'private-address');
  });
});
