import assert from 'node:assert/strict';
import { runCli, type RunResult } from './run-cli.js';
import { a, startDoh, startLocalServer, type LocalServer } from '../helpers/local-server.js';

// What a person types, through `whoserves lookup`: the CLI's own handling of
// it (exit status, the one-line refusal, what is asked and of whom). The whole
// bad-input matrix (test/fixtures/lookup-inputs.json) runs through core in
// test/unit/lookup-inputs.test.ts; these rows are the ones the command adds to.

describe('whoserves lookup: what you type', () => {
  let doh: Awaited<ReturnType<typeof startDoh>>;
  let site: LocalServer & { auth: (string | undefined)[] };
  const runs = new Map<string, RunResult>();
  const lookup = (input: string, ...flags: string[]) => runCli(['lookup', '--json', '--no-rdap', '--timeout', '3000', '--doh', `${doh.origin}/dns-query`, ...flags, '--', input]);
  const userInfoUrl = () => `http://user:secret@shop.example.com:${site.port}/private/path?q=1`;

  before(async () => {
    const auth: (string | undefined)[] = [];
    site = Object.assign(await startLocalServer((req, res) => {
      auth.push(req.headers.authorization);
      res.writeHead(200, { server: 'nginx' }).end();
    }), { auth });
    doh = await startDoh((name, type) => (type === 'A' && (name === 'shop.example.com' || name === 'xn--mnchen-3ya.de') ? [a(name, '127.0.0.1')] : []));
    // Each row is its own process; they run at once.
    const rows: [string, Promise<RunResult>][] = [
      ['empty', lookup('   ')],
      ['not-web', lookup('javascript:alert(1)')],
      ['idn', lookup('münchen.de', '--no-http')],
      ['zone', lookup('[fe80::1%25eth0]')],
      ['user-info', lookup(userInfoUrl(), '--allow-private')],
    ];
    for (const [name, run] of rows) runs.set(name, await run);
  });
  after(async () => {
    await doh?.close();
    await site?.close();
  });

  for (const [row, message] of [['empty', /^whoserves: cannot look up "   ": nothing to look up$/], ['not-web', /^whoserves: cannot look up "javascript:alert\(1\)": not a web address/]] as const) {
    it(`refuses ${row} input: exit 2, one line saying why, then where to look`, () => {
      const r = runs.get(row)!;
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      const lines = r.err.trimEnd().split('\n');
      assert.match(lines[0]!, message);
      assert.deepEqual(lines.slice(1), ['(see whoserves --help)']);
    });
  }

  it('looks an IDN up by its punycode name', () => {
    const r = runs.get('idn')!;
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).host, 'xn--mnchen-3ya.de');
    assert.ok(doh.queries.includes('A xn--mnchen-3ya.de') && !doh.queries.some((q) => q.includes('münchen')));
  });

  it('takes an IP literal with brackets and a zone as the address, asks DNS nothing about it, and does not probe a link-local address', () => {
    const r = runs.get('zone')!;
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.host, 'fe80::1');
    assert.deepEqual(report.address, { ip: 'fe80::1', version: 6, special: 'link-local' });
    assert.equal(report.steps.dns, 'not-needed');
    assert.ok(!doh.queries.some((q) => q.includes('fe80')));
    assert.deepEqual(report.errors.map((e: { step: string; status: string }) => `${e.step} ${e.status}`), ['http private-address']);
  });

  it('probes a URL at its own scheme and port, without its user-info, path or query', () => {
    const r = runs.get('user-info')!;
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.host, 'shop.example.com');
    assert.deepEqual(report.http.hops.map((h: { url: string }) => h.url), [`http://shop.example.com:${site.port}/`]);
    assert.deepEqual(site.requests, [`HEAD shop.example.com:${site.port}/`]);
    assert.deepEqual(site.auth, [undefined], 'no credentials sent');
    assert.ok(!r.out.includes('secret'), 'the password is not in the report');
  });
});
