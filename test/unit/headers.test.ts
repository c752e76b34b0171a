import assert from 'node:assert/strict';
import { cookieNames, pickHeaders } from '../../src/core/headers.js';
import { seenFromResponse } from '../../src/core/observation-record.js';

describe('pickHeaders', () => {
  const wanted = new Set(['server', 'cf-ray', 'via']);
  it('keeps only wanted headers, lower-cased, every value', () => {
    const picked = pickHeaders([{ name: 'Server', value: 'cloudflare' }, { name: 'CF-RAY', value: 'abc' }, { name: 'Via', value: 'a' }, { name: 'via', value: 'b' }, { name: 'X-Other', value: 'no' }], wanted);
    assert.deepEqual(picked, { server: ['cloudflare'], 'cf-ray': ['abc'], via: ['a', 'b'] });
  });
  it('bounds hostile input: long values cut, repeated headers capped, valueless skipped', () => {
    const many = Array.from({ length: 50 }, () => ({ name: 'via', value: 'x'.repeat(10_000) }));
    const picked = pickHeaders([...many, { name: 'server' }], wanted);
    assert.equal(picked.via?.length, 8);
    assert.equal(picked.via?.[0]?.length, 256);
    assert.equal(picked.server, undefined);
  });
  it('never keeps Set-Cookie, even when asked to', () => {
    assert.deepEqual(pickHeaders([{ name: 'set-cookie', value: 'a=b' }], new Set(['set-cookie'])), {});
  });
});

describe('cookieNames', () => {
  it('keeps names and drops values, across Firefox-style joined headers', () => {
    const names = cookieNames([{ name: 'Set-Cookie', value: '__cf_bm=SECRET; Path=/; HttpOnly' }, { name: 'set-cookie', value: 'a=1\nb=2; Secure' }, { name: 'set-cookie', value: 'novalue' }]);
    assert.deepEqual(names, ['__cf_bm', 'a', 'b']);
  });
});

describe('seenFromResponse', () => {
  it('records host, canonical IP, status and picked headers', () => {
    const seen = seenFromResponse({ url: 'https://WWW.Example.com/x', ip: '::ffff:104.16.1.1', statusCode: 200, fromCache: false, responseHeaders: [{ name: 'Server', value: 'cloudflare' }] }, new Set(['server']), 42);
    assert.deepEqual(seen, { host: 'www.example.com', ip: '104.16.1.1', status: 200, headers: { server: ['cloudflare'] }, cookieNames: [], fromCache: false, at: 42 });
  });
  it('ignores non-web URLs and keeps no bogus IP', () => {
    assert.equal(seenFromResponse({ url: 'data:text/plain,x', statusCode: 200, fromCache: false }, new Set(), 0), undefined);
    assert.equal(seenFromResponse({ url: 'https://a.example/', ip: 'garbage', statusCode: 200, fromCache: true }, new Set(), 0)?.ip, undefined);
  });
});
