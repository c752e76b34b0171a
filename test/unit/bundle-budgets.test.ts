import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { budgetText, bundleSizes, checkBudgets, BUNDLE_BUDGETS } from '../../scripts/bench-browser/bundle-sizes.js';
import { kb } from '../../scripts/bench-browser/report.js';

// The size budgets for the built Chrome bundles (numbers in
// scripts/bench-browser/bundle-sizes.ts, which `npm run bench:browser` prints
// too): what every page and every popup opening parses. `npm test` builds first.
const DIST = fileURLToPath(new URL('../../dist/chrome', import.meta.url));

describe('bundle budgets (dist/chrome)', () => {
  before(() => assert.ok(existsSync(DIST), `${DIST} is missing: run \`npm run build\` first`));

  for (const budget of BUNDLE_BUDGETS) {
    it(`${budget.file} ${budgetText(budget)}`, () => {
      const { size, met } = checkBudgets(bundleSizes(DIST)).find((c) => c.budget === budget)!;
      assert.ok(met, size === undefined ? `${budget.file} is missing from ${DIST}` : `${budget.file} is ${kb(size)} ${budget.of}, over its budget of ${kb(budget.limit)}`);
    });
  }
});
