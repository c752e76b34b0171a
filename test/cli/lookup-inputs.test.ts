import assert from 'node:assert/strict';
import { runCli } from './run-cli.js';
import { INPUT_CASES } from '../unit/lookup-inputs.test.js';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';

// The bad-input matrix through `whoserves lookup`: a host becomes the report's
// host, a refusal is exit status 2 with its reason on one line.

const REASONS: Record<string, RegExp> = {
  empty: /nothing to look up/,
  'too-long': /longer than any web address/,
  spaces: /cannot contain spaces/,
  'not-web': /not a web address/,
  'single-label': /single word is not a host name/,
  'label-too-long': /longer than 63 characters/,
  'name-too-long': /longer than 253 characters/,
  'bad-characters': /characters a host name cannot have/,
};

const run = runCli;

describe('whoserves lookup: the bad-input matrix', () => {
  let doh: DohServer;
  before(async () => {
    doh = await startDohServer({});
  });
  after(() => doh?.close());

  for (const c of INPUT_CASES) {
    it(`${JSON.stringify(c.input.slice(0, 40))} → ${c.host ?? `refused: ${c.refusal}`}`, async () => {
      // Offline but for the local resolver: no probe, no RDAP.
      const r = await run(['lookup', '--json', '--no-http', '--no-rdap', '--timeout', '2000', '--doh', doh.url, '--', c.input]);
      if (c.host !== undefined) {
        assert.ok(r.code === 0 || r.code === 1, r.err);
        assert.equal(JSON.parse(r.out).host, c.host);
      } else {
        assert.equal(r.code, 2);
        assert.match(r.err.split('\n')[0] ?? '', REASONS[c.refusal ?? '']!);
      }
    });
  }
});
