import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, runCli, runCliSync as run, type RunResult } from './run-cli.js';

// The CLI contract, run against the built command exactly as a user runs it.

const scratch = mkdtempSync(join(tmpdir(), 'whoserves-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `size` bytes of one byte value, with no newline, to a file in the scratch folder. */
function fileOf(name: string, size: number, byte = 0x41): string {
  const path = join(scratch, name);
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(1 << 20, byte);
  for (let left = size; left > 0; left -= block.length) writeSync(fd, block, 0, Math.min(left, block.length));
  closeSync(fd);
  return path;
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

    it('names a line with control characters without printing them', () => {
      const r = run(['ip'], '1.1.1.1\n\u001b]0;pwned\u0007\u009b2J\n');
      assert.equal(r.code, 2);
      assert.equal(r.err, 'whoserves: line 2: not an IP address: "\\u001b]0;pwned\\u0007\\u009b2J"\n');
    });

    it('reads a line of 50 MB without a newline in linear time, and says it is too long', async () => {
      // Against the same command on 10 MB in the same run: a reader that re-scans or re-copies
      // its unfinished line takes 25 times as long for 5 times the input; a linear one at most 5.
      // Run at once, so a burst of load on the machine falls on both.
      const [small, large] = await Promise.all([runCli(['ip'], { stdinFile: fileOf('line-10mb', 10 << 20) }), runCli(['ip'], { stdinFile: fileOf('line-50mb', 50 << 20) })]);
      assert.ok(large.ms < 5 * small.ms, `10 MB: ${Math.round(small.ms)} ms, 50 MB: ${Math.round(large.ms)} ms`);
      for (const r of [small, large]) {
        assert.equal(r.code, 2);
        assert.equal(r.err, 'whoserves: line 1: longer than 256 characters, not an IP address\n');
        assert.match(r.out, /^IP\s+ASN\s+PROVIDER\s+ORGANISATION\n$/);
      }
    });
  });

  describe('output errors', () => {
    for (const args of [['ip', '1.1.1.1'], ['--help'], ['classify', '-']]) {
      it(`whoserves ${args.join(' ')} > /dev/full: one line on stderr, exit 1, no stack trace`, function () {
        if (!existsSync('/dev/full')) this.skip();
        const r = spawnSync('sh', ['-c', 'exec "$@" > /dev/full', 'sh', process.execPath, bin, ...args], { input: '{"host":"a.example"}', encoding: 'utf8' });
        assert.equal(r.status, 1);
        assert.equal(r.stderr, 'whoserves: cannot write the output: ENOSPC\n');
      });
    }
  });

  describe('classify', () => {
    const dir = scratch;

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

    it('prints a readable report without --json: who can act, then each company', () => {
      const r = run(['classify', '-'], JSON.stringify({ host: 'plain.example', ips: ['88.198.1.1'], headers: { server: 'nginx' } }));
      assert.equal(r.code, 0, r.err);
      const lines = r.out.split('\n');
      assert.deepEqual(lines.slice(0, 3), ['plain.example', '  Served directly from Hetzner (AS24940).', '  Resolves to 88.198.1.1']);
      assert.ok(lines.includes('  Hetzner — Hosting'), r.out);
      assert.ok(lines.includes('      · 88.198.1.1 is announced by AS24940 (Hetzner Online GmbH)'), r.out);
    });

    it('takes JSON lines, and answers one report per line in the same order', () => {
      const input = ['{"host":"a.example","headers":{"cf-ray":"1-FRA"}}', '{"host":"b.example"}', '', '{"host":"c.example","ips":["88.198.1.1"]}'].join('\n');
      const r = run(['classify', '--json', '-'], input);
      assert.equal(r.code, 0, r.err);
      const lines = r.out.trimEnd().split('\n');
      assert.deepEqual(lines.map((l) => JSON.parse(l).host), ['a.example', 'b.example', 'c.example']);
      assert.equal(JSON.parse(lines[0]!).providers[0].id, 'cloudflare');
    });

    it('names the value in a stream of JSON lines that is wrong, after answering the ones before it', () => {
      const r = run(['classify', '--json', '-'], '{"host":"a.example"}\n{"host":"b.example"}\n{"host":"c.example","ns":5}\n{"host":"d.example"}\n');
      assert.equal(r.code, 2);
      assert.deepEqual(r.out.trimEnd().split('\n').map((l) => JSON.parse(l).host), ['a.example', 'b.example']);
      assert.match(r.err.split('\n')[0]!, /^whoserves: value 2: "ns"/);
    });

    it('streams an array of 100 MB: memory stays flat, every element is answered, in order', async () => {
      // 10 000 observations of 10 KB each (the padding is JSON white space inside each object).
      const count = 10_000;
      const path = join(scratch, 'observations.json');
      const fd = openSync(path, 'w');
      const pad = ' '.repeat(10_000);
      writeSync(fd, '[\n');
      for (let i = 0; i < count; i++) writeSync(fd, `${i === 0 ? '' : ',\n'}{"host":"h${i}.example",${pad}"ips":["104.16.${i % 256}.1"]}`);
      writeSync(fd, '\n]\n');
      closeSync(fd);
      const baseline = await runCli(['classify', '--json', '-'], { input: '[{"host":"h0.example","ips":["104.16.0.1"]}]', measureRss: true });
      const r = await runCli(['classify', '--json', path], { measureRss: true });
      assert.equal(r.code, 0, r.err);
      const reports = JSON.parse(r.out) as { host: string; providers: { id: string }[] }[];
      assert.equal(reports.length, count);
      assert.deepEqual([reports[0]!.host, reports[count - 1]!.host], ['h0.example', `h${count - 1}.example`]);
      assert.equal(reports[count - 1]!.providers[0]!.id, 'cloudflare');
      // What the input costs on top of the same command on one element: a small part of its 100 MB.
      const grew = r.peakRss! - baseline.peakRss!;
      assert.ok(grew < 50 << 20, `peak RSS ${(baseline.peakRss! / 2 ** 20).toFixed(0)} MB for one element, ${(r.peakRss! / 2 ** 20).toFixed(0)} MB for 100 MB`);
    });

    const invalid: [string, string, RegExp][] = [
      ['not JSON', '{host:', /not valid JSON/],
      ['a syntax error in an array element', '[{"host":"a"},{"host":"b"},{"host":"c",}]', /^whoserves: element 2: not valid JSON/],
      ['a missing comma between elements', '[{"host":"a"} {"host":"b"}]', /^whoserves: element 1: not valid JSON: no comma after element 0/],
      ['an unclosed array', '[{"host":"a"},', /the input ends before the array is closed/],
      ['a number', '5', /must be a JSON object/],
      ['no host', '{}', /"host"/],
      ['a bad field in an array element', '[{"host":"a"},{"host":"b","ips":5}]', /element 1: "ips"/],
      ['an unknown field', '{"host":"a","ip":"1.1.1.1"}', /unknown field "ip"/],
      ['header values that are not strings', '{"host":"a","headers":{"server":1}}', /headers\.server/],
    ];
    describe('invalid input', () => {
      // One process per case, all at once.
      let results: RunResult[] = [];
      before(async () => {
        results = await Promise.all(invalid.map(([, input]) => runCli(['classify', '-'], { input })));
      });
      invalid.forEach(([name, , message], i) => {
        it(`exits 2 with one line for ${name}`, () => {
          const r = results[i]!;
          assert.equal(r.code, 2);
          assert.match(r.err.split('\n')[0]!, message);
          assert.equal(r.err.trimEnd().split('\n').length, 2, 'the reason, then (see whoserves --help); no stack trace');
        });
      });
    });

    it('exits 2 for a missing file and for missing operands', async () => {
      const [missing, noFile, unknown, nothing] = await Promise.all([['classify', join(dir, 'nope.json')], ['classify'], ['frobnicate'], []].map((args) => runCli(args)));
      assert.equal(missing!.code, 2);
      assert.match(missing!.err, /^whoserves: cannot read .*nope\.json: ENOENT\n/);
      assert.equal(noFile!.code, 2);
      assert.match(noFile!.err, /exactly one FILE/);
      assert.equal(unknown!.code, 2);
      assert.match(unknown!.err, /unknown command "frobnicate"/);
      assert.equal(nothing!.code, 2);
      assert.match(nothing!.err, /^whoserves — /);
    });

    it('has help and a version', () => {
      assert.match(run(['--help']).out, /whoserves ip/);
      assert.match(run(['--version']).out, /^\d+\.\d+\.\d+\n$/);
    });
  });
});
