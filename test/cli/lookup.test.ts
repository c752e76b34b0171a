import assert from 'node:assert/strict';
import { runCli } from './run-cli.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';
import { domainObject, networkObject, startRdapServer, type RdapServer } from '../helpers/rdap-server.js';

// `whoserves lookup` against a local DNS-over-HTTPS resolver: the only network
// the command uses is the resolver it is given.


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

  it('prints the report, the DNS it used and the queries that failed, as JSON', async () => {
    // --no-http: these addresses are public ones, and tests talk to this machine only.
    const r = await run(['lookup', '--json', '--no-http', '--rdap', rdap.url, '--doh', doh.url, 'https://user@www.example-shop.com:8443/some/path?q=1']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.host, 'www.example-shop.com');
    assert.deepEqual(report.dns.cname, ['d111111abcdef8.cloudfront.net']);
    assert.equal(report.providers.find((p: { role: string }) => p.role === 'edge').id, 'amazon');
    assert.ok(Array.isArray(report.errors));
    assert.ok(report.errors.every((e: { query: string }) => e.query.endsWith('example-shop.com')), 'the zone queries failed with SERVFAIL and are listed');
  });

  it('names the registrar and its abuse contact from the registry\'s RDAP record', async () => {
    const r = await run(['lookup', '--json', '--no-http', '--rdap', rdap.url, '--doh', doh.url, 'www.example-shop.com']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    const registrar = report.providers.find((p: { role: string }) => p.role === 'registrar');
    assert.equal(registrar.name, 'Example Registrar, Inc.');
    assert.equal(registrar.id, 'registrar-9999');
    assert.equal(report.rdap.domain.registrar.abuseEmail, 'abuse@registrar.example');
    assert.equal(report.rdap.domain.registrar.abusePhone, '+1.5555550100');
    assert.ok(rdap.paths.includes('/domain/example-shop.com'), 'asked for the registrable domain, not the host');
  });

  it('names the network behind the address and its abuse contact, from the regional registry', async () => {
    const r = await run(['lookup', '--no-http', '--rdap', rdap.url, '--doh', doh.url, 'www.example-shop.com']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /network\s+AMAZON-CF, 13\.32\.0\.0 – 13\.33\.255\.255, Amazon\.com, Inc\. — abuse: abuse@amazonaws\.com/);
    assert.match(r.out, /registrar\s+abuse contact: abuse@registrar\.example/);
  });

  for (const [domain, status, message] of [['missing-shop.com', 'not-found', /no record/], ['limited-shop.com', 'rate-limited', /wait 30 s/], ['garbled-shop.com', 'malformed', /not JSON/]] as const) {
    it(`keeps the report and says why when RDAP answers ${status}`, async () => {
      const r = await run(['lookup', '--json', '--no-http', '--rdap', rdap.url, '--doh', doh.url, domain]);
      const report = JSON.parse(r.out);
      assert.equal(report.rdap.domain.status, status);
      assert.ok(report.errors.some((e: { query: string; error: string }) => e.query === `RDAP ${domain}` && message.test(e.error)), JSON.stringify(report.errors));
    });
  }

  it('turns an IDN into punycode before asking', async () => {
    const r = await run(['lookup', '--json', '--no-http', '--no-rdap', '--doh', doh.url, 'bücher.example-shop.com']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).host, 'xn--bcher-kva.example-shop.com');
    assert.ok(doh.queries.includes('A xn--bcher-kva.example-shop.com'));
  });

  it('asks the site for its headers, following redirects hop by hop, at the address DNS gave', async () => {
    const r = await run(['lookup', '--json', '--no-rdap', '--doh', doh.url, `http://site.test:${web.port}/path/ignored`]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.deepEqual(report.http.hops.map((h: { url: string; status: number; ip: string }) => [h.url, h.status, h.ip]), [
      [`http://site.test:${web.port}/`, 301, '127.0.0.1'],
      [`http://www.site.test:${web.port}/`, 200, '127.0.0.1'],
    ]);
    assert.equal(report.providers.find((p: { role: string }) => p.role === 'edge').id, 'cloudflare');
    assert.deepEqual(report.http.hops[1].cookieNames, ['__cf_bm']);
    assert.deepEqual(web.methods.slice(0, 2), ['HEAD site.test', 'HEAD www.site.test']);
    assert.ok(web.cookies.every((c) => c === undefined), 'no cookies are sent');
  });

  it('falls back to GET when the site refuses HEAD', async () => {
    const r = await run(['lookup', '--json', '--no-rdap', '--doh', doh.url, `http://nohead.test:${web.port}/`]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.http.hops[0].status, 200);
    assert.equal(report.providers.find((p: { role: string }) => p.role === 'edge').id, 'fastly');
  });

  it('keeps the DNS report and names the failure when the site does not answer', async () => {
    const r = await run(['lookup', '--json', '--no-rdap', '--doh', doh.url, 'http://closed.test:9/']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.ok(report.errors.some((e: { query: string; error: string }) => e.query.startsWith('HTTP ') && /ECONNREFUSED|refused/i.test(e.error)), JSON.stringify(report.errors));
  });

  it('exits 1 when nothing resolves, saying why', async () => {
    const r = await run(['lookup', '--no-rdap', '--doh', doh.url, 'no-such-host.invalid']);
    assert.equal(r.code, 1);
    assert.match(r.out, /does not exist \(NXDOMAIN\)/);
  });

  it('exits 1 with the reason when the resolver is down, and never hangs past the timeout', async () => {
    const started = Date.now();
    const r = await run(['lookup', '--timeout', '500', '--no-rdap', '--doh', 'http://127.0.0.1:9/dns-query', 'www.example-shop.com']);
    assert.equal(r.code, 1);
    assert.match(r.out, /could not be reached/);
    assert.ok(Date.now() - started < 5000);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run(['lookup'])).code, 2);
    assert.equal((await run(['lookup', 'mailto:someone@example.com'])).code, 2);
    assert.equal((await run(['lookup', '--timeout', 'soon', 'example.com'])).code, 2);
    assert.equal((await run(['lookup', '--doh', 'dns.quad9.net', 'example.com'])).code, 2);
  });
});
