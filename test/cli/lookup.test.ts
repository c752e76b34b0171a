import assert from 'node:assert/strict';
import { runCli } from './run-cli.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';
import { domainObject, networkObject, startRdapServer, type RdapServer } from '../helpers/rdap-server.js';

// `whoserves lookup` against a local DNS-over-HTTPS resolver, a local RDAP
// server and local sites: the only network the command uses is what it is given.

/** Sites on 127.0.0.1, told apart by Host: a redirect, a Cloudflare-style answer, and one that refuses HEAD. */
async function startWeb() {
  const methods: string[] = [];
  const cookies: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    methods.push(`${req.method} ${host}`);
    cookies.push(req.headers.cookie);
    const port = (server.address() as AddressInfo).port;
    if (host === 'site.test') return void res.writeHead(301, { location: `http://www.site.test:${port}/` }).end();
    if (host === 'www.site.test') return void res.writeHead(200, { server: 'cloudflare', 'cf-ray': '8c2b-FRA', 'set-cookie': '__cf_bm=secret; path=/' }).end();
    if (host === 'nohead.test') return void (req.method === 'HEAD' ? res.writeHead(405).end() : res.writeHead(200, { 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': 'abc' }).end('hello'));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, methods, cookies, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const run = runCli;

describe('whoserves lookup', () => {
  let doh: DohServer;
  let rdap: RdapServer;
  let web: { port: number; methods: string[]; cookies: (string | undefined)[]; close: () => Promise<void> };
  before(async () => {
    web = await startWeb();
    rdap = await startRdapServer({
      'domain/example-shop.com': domainObject('example-shop.com', { name: 'Example Registrar, Inc.', ianaId: '9999', abuseEmail: 'abuse@registrar.example' }),
      'ip/13.32.1.1': networkObject('13.32.0.0', '13.33.255.255', 'AMAZON-CF', 'Amazon.com, Inc.', 'abuse@amazonaws.com'),
    }, { limited: ['domain/limited-shop.com'], garbage: ['domain/garbled-shop.com'] });
    doh = await startDohServer({
      'site.test': { A: ['127.0.0.1'] },
      'www.site.test': { A: ['127.0.0.1'] },
      'nohead.test': { A: ['127.0.0.1'] },
      'closed.test': { A: ['127.0.0.1'] },
      'www.example-shop.com': { CNAME: 'd111111abcdef8.cloudfront.net' },
      'd111111abcdef8.cloudfront.net': { A: ['13.32.1.1'] },
      'example-shop.com': { NS: ['ns-1234.awsdns-56.org'], MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
      'xn--bcher-kva.example-shop.com': { A: ['88.198.1.1'] },
    }, { servfail: ['example-shop.com'] });
  });
  after(async () => {
    await rdap?.close();
    await doh?.close();
    await web?.close();
  });

  const zoneServfail = ['MX', 'NS', 'SOA', 'TXT'].map((type) => ({ step: 'dns', role: type === 'MX' || type === 'TXT' ? 'email' : 'dns', status: 'servfail', query: `${type} example-shop.com`, detail: 'the resolver could not get an answer (SERVFAIL)' }));
  const byQuery = (a: { query: string }, b: { query: string }) => a.query.localeCompare(b.query);

  it('prints the report, the DNS it used, who can act and every query that failed, as JSON', async () => {
    // --no-http: these addresses are public ones, and tests talk to this machine only.
    const r = await run(['lookup', '--json', '--no-http', '--rdap', rdap.url, '--doh', doh.url, 'https://user@www.example-shop.com:8443/some/path?q=1']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.host, 'www.example-shop.com');
    assert.equal(report.domain, 'example-shop.com');
    assert.deepEqual(report.address, { ip: '13.32.1.1', version: 4 });
    assert.deepEqual(report.dns.cname, ['d111111abcdef8.cloudfront.net']);
    assert.deepEqual(report.dns.ips, ['13.32.1.1']);
    assert.deepEqual(report.providers.map((p: { role: string; id: string }) => `${p.role}:${p.id}`), ['edge:amazon']);
    assert.equal(report.originHidden, true);
    assert.deepEqual(report.whoCanAct, { case: 'proxy', company: 'amazon' });
    assert.deepEqual(report.rows.map((row: { id: string }) => row.id), ['amazon', 'registrar:9999']);
    assert.deepEqual(report.steps, { dns: 'done', site: 'off', registry: 'done' });
    assert.equal(report.http, undefined, 'not asked with --no-http');
    // The zone's four questions failed (SERVFAIL) and each is listed; nothing else failed.
    assert.deepEqual(report.errors.sort(byQuery), zoneServfail);
  });

  it('names the registrar and its abuse contact from the registry\'s RDAP record', async () => {
    const r = await run(['lookup', '--json', '--no-http', '--rdap', rdap.url, '--doh', doh.url, 'www.example-shop.com']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepEqual(report.registrar, { name: 'Example Registrar, Inc.', source: `${rdap.url}domain/example-shop.com`, ianaId: '9999', abuseEmail: 'abuse@registrar.example', abusePhone: '+1.5555550100' });
    const row = report.rows.find((x: { id: string }) => x.id === 'registrar:9999');
    assert.equal(row.name, 'Example Registrar, Inc.');
    assert.deepEqual(row.contact, { from: 'registry', email: 'abuse@registrar.example', phone: '+1.5555550100' });
    assert.ok(rdap.paths.includes('/domain/example-shop.com'), 'asked for the registrable domain, not the host');
  });

  it('names the network behind the address, from the regional registry, in the text output', async () => {
    const r = await run(['lookup', '--no-http', '--rdap', rdap.url, '--doh', doh.url, 'www.example-shop.com']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^ {4}Network: AMAZON-CF, 13\.32\.0\.0 – 13\.33\.255\.255, Amazon\.com, Inc\.$/m);
    assert.match(r.out, /^ {2}Example Registrar, Inc\. — Registrar\n {4}Contact for abuse \(from the registry's record\): abuse@registrar\.example, \+1\.5555550100$/m);
    assert.match(r.out, /^ {4}· Email: MX example-shop\.com: the resolver could not get an answer \(SERVFAIL\)$/m);
  });

  for (const [domain, status, detail, extra] of [
    ['missing-shop.com', 'not-found', 'the registry has no record of missing-shop.com', {}],
    ['limited-shop.com', 'rate-limited', 'the registry is limiting requests; it asks to wait 30 s; not retried now', { retryAfter: '30' }],
    ['garbled-shop.com', 'malformed', 'the answer is not JSON', {}],
  ] as const) {
    it(`keeps the report and says why when RDAP answers ${status}`, async () => {
      const r = await run(['lookup', '--json', '--no-http', '--rdap', rdap.url, '--doh', doh.url, domain]);
      const report = JSON.parse(r.out);
      assert.equal(report.registrar, undefined);
      assert.deepEqual(report.errors.filter((e: { step: string }) => e.step === 'rdap-domain'), [{ step: 'rdap-domain', role: 'registrar', status, query: domain, detail, ...extra }]);
    });
  }

  it('turns an IDN into punycode before asking', async () => {
    const r = await run(['lookup', '--json', '--no-http', '--no-rdap', '--doh', doh.url, 'bücher.example-shop.com']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).host, 'xn--bcher-kva.example-shop.com');
    assert.ok(doh.queries.includes('A xn--bcher-kva.example-shop.com'));
  });

  // The sites below are on 127.0.0.1: only --allow-private lets the probe ask them (test/cli/lookup-security.test.ts shows the refusal).
  it('asks the site for its headers, following redirects hop by hop, at the address DNS gave', async () => {
    const r = await run(['lookup', '--json', '--no-rdap', '--allow-private', '--doh', doh.url, `http://site.test:${web.port}/path/ignored`]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepEqual(report.http.hops.map((h: { url: string; status: number; ip: string }) => [h.url, h.status, h.ip]), [
      [`http://site.test:${web.port}/`, 301, '127.0.0.1'],
      [`http://www.site.test:${web.port}/`, 200, '127.0.0.1'],
    ]);
    assert.equal(report.providers.find((p: { role: string }) => p.role === 'edge').id, 'cloudflare');
    assert.deepEqual(report.http.hops[1].cookieNames, ['__cf_bm']);
    assert.deepEqual(report.errors, []);
    assert.equal(report.steps.site, 'done');
    assert.deepEqual(web.methods.slice(-2), ['HEAD site.test', 'HEAD www.site.test']);
    assert.ok(web.cookies.every((c) => c === undefined), 'no cookies are sent');
  });

  it('falls back to GET when the site refuses HEAD', async () => {
    const r = await run(['lookup', '--json', '--no-rdap', '--allow-private', '--doh', doh.url, `http://nohead.test:${web.port}/`]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepEqual(report.http.hops.map((h: { status: number }) => h.status), [200]);
    assert.deepEqual(web.methods.slice(-2), ['HEAD nohead.test', 'GET nohead.test']);
    assert.equal(report.providers.find((p: { role: string }) => p.role === 'edge').id, 'fastly');
  });

  it('keeps the DNS report and names the failure when the site does not answer', async () => {
    const r = await run(['lookup', '--json', '--no-rdap', '--allow-private', '--doh', doh.url, 'http://closed.test:9/']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepEqual(report.dns.ips, ['127.0.0.1']);
    assert.equal(report.errors.length, 1, JSON.stringify(report.errors));
    const [error] = report.errors;
    assert.deepEqual({ ...error, detail: undefined }, { step: 'http', role: 'edge', status: 'unreachable', query: 'http://closed.test:9/', detail: undefined });
    assert.match(error.detail, /ECONNREFUSED/);
    assert.equal(report.steps.site, 'failed');
  });

  it('exits 1 when nothing resolves, saying why', async () => {
    const r = await run(['lookup', '--no-rdap', '--doh', doh.url, 'no-such-host.invalid']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^ {4}· DNS: A no-such-host\.invalid: no such name \(NXDOMAIN\)$/m);
  });

  it('exits 1 with the reason when the resolver is down', async () => {
    const r = await run(['lookup', '--json', '--timeout', '2000', '--no-rdap', '--doh', 'http://127.0.0.1:9/dns-query', 'www.example-shop.com']);
    assert.equal(r.code, 1);
    const errors = JSON.parse(r.out).errors;
    assert.equal(errors.length, 6);
    for (const e of errors) assert.deepEqual([e.step, e.status], ['dns', 'unreachable']);
    assert.match(errors[0].detail, /ECONNREFUSED/);
  });

  it('exits 2 on usage errors, with one line naming what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['lookup'], /exactly one host/],
      [['lookup', '--timeout', 'soon', 'example.com'], /--timeout takes milliseconds/],
      [['lookup', '--doh', 'dns.quad9.net', 'example.com'], /--doh takes a DNS-over-HTTPS URL/],
      [['lookup', '--rdap', 'ftp://rdap.example/', 'example.com'], /--rdap takes an RDAP base URL/],
      [['lookup', '--allow-privat', 'example.com'], /unknown option --allow-privat/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((r, i) => {
      assert.equal(r.code, 2, cases[i]![0].join(' '));
      assert.match(r.err.split('\n')[0]!, cases[i]![1]);
    });
  });
});
