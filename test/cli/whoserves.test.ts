import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The CLI contract, run against the built command exactly as a user runs it.

const bin = fileURLToPath(new URL('../../bin/whoserves.mjs', import.meta.url));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input: input ?? '', encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('whoserves CLI', () => {
  before(function () {
    if (!existsSync(fileURLToPath(new URL('../../dist/cli/whoserves.mjs', import.meta.url)))) throw new Error('run `npm run build` first');
  });

  describe('ip', () => {
    it('answers addresses given as arguments, as JSON lines', () => {
      const r = run(['ip', '--json', '104.16.1.1', '52.84.10.10', '88.198.1.1', '2606:4700::1111', '10.0.0.1', '192.0.2.9']);
      assert.equal(r.code, 0, r.err);
      const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(rows[0], { ip: '104.16.1.1', asn: 13335, org: 'Cloudflare, Inc.', provider: { id: 'cloudflare', name: 'Cloudflare' } });
      assert.deepEqual(rows[1].provider, { id: 'amazon', name: 'Amazon Web Services', service: 'CloudFront' });
      assert.equal(rows[2].provider.id, 'hetzner');
      assert.equal(rows[3].asn, 13335);
      assert.deepEqual(rows[4], { ip: '10.0.0.1', asn: null, org: null, provider: null, reserved: 'private' });
      assert.equal(rows[5].reserved, 'documentation');
    });

    it('streams addresses from stdin into an aligned table, and names bad lines on stderr with status 2', () => {
      const r = run(['ip'], '1.1.1.1\n  8.8.8.8 \r\nnot-an-ip\n\n9.9.9.9');
      assert.equal(r.code, 2);
      const lines = r.out.trim().split('\n');
      assert.match(lines[0]!, /^IP\s+ASN\s+PROVIDER\s+ORGANISATION$/);
      assert.equal(lines.length, 4);
      assert.match(lines[1]!, /^1\.1\.1\.1\s+AS13335\s+Cloudflare\s+Cloudflare, Inc\.$/);
      assert.equal(lines[1]!.indexOf('AS13335'), lines[2]!.indexOf('AS15169'), 'columns align');
      assert.match(r.err, /line 3: not an IP address: "not-an-ip"/);
      assert.doesNotMatch(r.err, /at .*\.js/, 'no stack trace');
    });

    it('streams: the first answers arrive before the input ends', async () => {
      const child = spawn(process.execPath, [bin, 'ip', '--json']);
      const first = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
      child.stdin.write('1.1.1.1\n');
      // Output is batched; a pause in the input must still flush what is ready.
      const line = await Promise.race([first, new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 3000))]);
      child.stdin.end();
      await new Promise((resolve) => child.once('close', resolve));
      assert.match(line, /"ip":"1\.1\.1\.1"/);
    });

    it('refuses unknown options with status 2', () => {
      const r = run(['ip', '--jsn', '1.1.1.1']);
      assert.equal(r.code, 2);
      assert.match(r.err, /unknown option --jsn/);
    });
  });

  describe('classify', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whoserves-cli-'));

    it('classifies one observation from a file into a report', () => {
      const file = join(dir, 'one.json');
      writeFileSync(file, JSON.stringify({ host: 'Example.COM', ips: ['104.16.1.1'], headers: { 'CF-Ray': '8c2b-FRA', Server: ['cloudflare'] }, ns: ['ada.ns.cloudflare.com'], mx: ['10 aspmx.l.google.com'], txt: ['v=spf1 include:_spf.google.com ~all'] }));
      const r = run(['classify', '--json', file]);
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out);
      assert.equal(report.host, 'example.com');
      const roles = report.providers.map((p: { role: string; id: string }) => `${p.role}:${p.id}`);
      assert.ok(roles.includes('edge:cloudflare') && roles.includes('dns:cloudflare') && roles.includes('email:google'), roles.join());
      for (const p of report.providers) for (const e of p.evidence) assert.equal(typeof e.detail, 'string');
    });

    it('classifies an array from stdin, keeping the order', () => {
      const r = run(['classify', '--json', '-'], JSON.stringify([{ host: 'a.example', headers: { server: 'nginx' } }, { host: 'b.example', headers: { 'x-amz-cf-id': 'x' } }]));
      assert.equal(r.code, 0, r.err);
      const reports = JSON.parse(r.out);
      assert.deepEqual(reports.map((x: { host: string }) => x.host), ['a.example', 'b.example']);
      assert.deepEqual(reports[0].providers, []);
      assert.equal(reports[1].providers[0].id, 'amazon');
    });

    it('prints a readable report without --json', () => {
      const r = run(['classify', '-'], JSON.stringify({ host: 'plain.example', ips: ['88.198.1.1'], headers: { server: 'nginx' } }));
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /no CDN or proxy detected/);
      assert.match(r.out, /hosting\s+Hetzner/);
    });

    const invalid: [string, string, RegExp][] = [
      ['not JSON', '{host:', /not valid JSON/],
      ['a number', '5', /must be a JSON object/],
      ['no host', '{}', /"host"/],
      ['a bad field in an array element', '[{"host":"a"},{"host":"b","ips":5}]', /element 1: "ips"/],
      ['an unknown field', '{"host":"a","ip":"1.1.1.1"}', /unknown field "ip"/],
      ['header values that are not strings', '{"host":"a","headers":{"server":1}}', /headers\.server/],
    ];
    for (const [name, input, message] of invalid) {
      it(`exits 2 with one line for ${name}`, () => {
        const r = run(['classify', '-'], input);
        assert.equal(r.code, 2);
        assert.match(r.err.split('\n')[0]!, message);
        assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
      });
    }

    it('exits 2 for a missing file and for missing operands', () => {
      assert.equal(run(['classify', join(dir, 'nope.json')]).code, 2);
      assert.match(run(['classify']).err, /exactly one FILE/);
      assert.equal(run(['frobnicate']).code, 2);
      assert.equal(run([]).code, 2);
    });

    it('has help and a version', () => {
      assert.match(run(['--help']).out, /whoserves ip/);
      assert.match(run(['--version']).out, /^\d+\.\d+\.\d+\n$/);
    });
  });
});
