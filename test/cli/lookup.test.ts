import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';

// `whoserves lookup` against a local DNS-over-HTTPS resolver: the only network
// the command uses is the resolver it is given.

const bin = fileURLToPath(new URL('../../bin/whoserves.mjs', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('whoserves lookup', () => {
  let doh: DohServer;
  before(async () => {
    doh = await startDohServer({
      'www.example-shop.com': { CNAME: 'd111111abcdef8.cloudfront.net' },
      'd111111abcdef8.cloudfront.net': { A: ['13.32.1.1'] },
      'example-shop.com': { NS: ['ns-1234.awsdns-56.org'], MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
      'xn--bcher-kva.example-shop.com': { A: ['88.198.1.1'] },
    }, { servfail: ['example-shop.com'] });
  });
  after(() => doh?.close());

  it('prints the report, the DNS it used and the queries that failed, as JSON', async () => {
    const r = await run(['lookup', '--json', '--doh', doh.url, 'https://user@www.example-shop.com:8443/some/path?q=1']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.host, 'www.example-shop.com');
    assert.deepEqual(report.dns.cname, ['d111111abcdef8.cloudfront.net']);
    assert.equal(report.providers.find((p: { role: string }) => p.role === 'cdn').id, 'amazon');
    assert.ok(Array.isArray(report.errors));
    assert.ok(report.errors.every((e: { query: string }) => e.query.endsWith('example-shop.com')), 'the zone queries failed with SERVFAIL and are listed');
  });

  it('turns an IDN into punycode before asking', async () => {
    const r = await run(['lookup', '--json', '--doh', doh.url, 'bücher.example-shop.com']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).host, 'xn--bcher-kva.example-shop.com');
    assert.ok(doh.queries.includes('A xn--bcher-kva.example-shop.com'));
  });

  it('exits 1 when nothing resolves, saying why', async () => {
    const r = await run(['lookup', '--doh', doh.url, 'no-such-host.invalid']);
    assert.equal(r.code, 1);
    assert.match(r.out, /does not exist \(NXDOMAIN\)/);
  });

  it('exits 1 with the reason when the resolver is down, and never hangs past the timeout', async () => {
    const started = Date.now();
    const r = await run(['lookup', '--timeout', '500', '--doh', 'http://127.0.0.1:9/dns-query', 'www.example-shop.com']);
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
