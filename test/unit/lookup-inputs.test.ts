import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lookupTarget } from '../../src/core/page-target.js';

// The bad-input matrix: everything a person may type, select or link to,
// with its one defined answer. The CLI and the popup search box run the same
// table (test/cli, test/e2e).

export interface InputCase {
  input: string;
  host?: string;
  refusal?: string;
}

export const INPUT_CASES = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/lookup-inputs.json', import.meta.url)), 'utf8')) as InputCase[];

describe('lookup inputs (test/fixtures/lookup-inputs.json)', () => {
  it('has at least 40 rows', () => assert.ok(INPUT_CASES.length >= 40));
  for (const c of INPUT_CASES) {
    it(`${JSON.stringify(c.input.slice(0, 40))} → ${c.host ?? `refused: ${c.refusal}`}`, () => {
      const target = lookupTarget(c.input);
      if (c.host !== undefined) assert.deepEqual(target.ok ? target.host : target, c.host);
      else assert.deepEqual(target.ok ? target.host : target.reason, c.refusal);
    });
  }
});
