import assert from 'node:assert/strict';
import { finalHop, probe, type ProbeRequest, type ProbeResponse } from '../../src/core/probe.js';

const names = new Set(['server', 'cf-ray']);

function site(routes: Record<string, (method: 'HEAD' | 'GET') => ProbeResponse>): { request: ProbeRequest; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    request: async (url, method) => {
      asked.push(`${method} ${url}`);
      const route = routes[url];
      if (route === undefined) throw new Error(`connect ECONNREFUSED ${url}`);
      return route(method);
    },
  };
}

describe('the header probe', () => {
  it('keeps every hop of a redirect chain, resolving relative locations', async () => {
    const { request } = site({
      'http://a.example/': () => ({ status: 301, headers: [{ name: 'Location', value: 'https://a.example/' }], ip: '151.101.2.1' }),
      'https://a.example/': () => ({ status: 302, headers: [{ name: 'location', value: '/home' }, { name: 'Server', value: 'cloudflare' }], ip: '151.101.2.2' }),
      'https://a.example/home': () => ({ status: 200, headers: [{ name: 'cf-ray', value: 'x-FRA' }, { name: 'set-cookie', value: '__cf_bm=s; Path=/' }], ip: '151.101.2.2' }),
    });
    const result = await probe('http://a.example/', request, names);
    assert.deepEqual(result.hops.map((h) => [h.url, h.status, h.ip]), [['http://a.example/', 301, '151.101.2.1'], ['https://a.example/', 302, '151.101.2.2'], ['https://a.example/home', 200, '151.101.2.2']]);
    assert.deepEqual(finalHop(result)?.headers, { 'cf-ray': ['x-FRA'] });
    assert.deepEqual(finalHop(result)?.cookieNames, ['__cf_bm']);
    assert.equal(result.error, undefined);
  });

  it('asks again with GET when HEAD is refused', async () => {
    const { request, asked } = site({ 'https://b.example/': (m) => ({ status: m === 'HEAD' ? 405 : 200, headers: [] }) });
    const result = await probe('https://b.example/', request, names);
    assert.deepEqual(asked, ['HEAD https://b.example/', 'GET https://b.example/']);
    assert.equal(finalHop(result)?.status, 200);
  });

  it('stops a redirect loop and says so, keeping the hops', async () => {
    const { request } = site({ 'https://c.example/': () => ({ status: 302, headers: [{ name: 'location', value: 'https://c.example/' }] }) });
    const result = await probe('https://c.example/', request, names);
    assert.equal(result.hops.length, 6);
    assert.equal(result.error?.status, 'too-many-redirects');
  });

  it('does not follow a redirect out of the web', async () => {
    const { request } = site({ 'https://d.example/': () => ({ status: 302, headers: [{ name: 'location', value: 'javascript:alert(1)' }] }) });
    const result = await probe('https://d.example/', request, names);
    assert.deepEqual(result.error, { status: 'not-web', url: 'javascript:alert(1)', detail: 'redirected to a javascript: address' });
  });

  it('turns a failure into an error and keeps what came before', async () => {
    const { request } = site({ 'https://e.example/': () => ({ status: 301, headers: [{ name: 'location', value: 'https://gone.example/' }] }) });
    const result = await probe('https://e.example/', request, names);
    assert.equal(result.hops.length, 1);
    assert.equal(result.error?.status, 'unreachable');
    assert.match(result.error?.detail ?? '', /ECONNREFUSED/);
  });
});
