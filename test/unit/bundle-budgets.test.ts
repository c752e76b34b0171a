import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { budgetText, bundleSizes, checkBudgets, BUNDLE_BUDGETS } from '../../scripts/bench-browser/bundle-sizes.js';
import { kb } from '../../scripts/bench-browser/report.js';

// The issue-10 size budgets for the built Chrome bundles (numbers in
// scripts/bench-browser/bundle-sizes.ts, which `npm run bench:browser` prints
// too). WHOSERVES_BUDGETS=off skips them.
const DIST = fileURLToPath(new URL('../../dist/chrome', import.meta.url));
const enforced = process.env.WHOSERVES_BUDGETS !== 'off';

(enforced ? describe : describe.skip)('bundle budgets (dist/chrome; WHOSERVES_BUDGETS=off skips)', function () {
  before(function () {
    if (existsSync(DIST)) return;
    console.log(`    ${DIST} is missing: build first (npm run build) to check the budgets`);
    this.skip();
  });

  for (const budget of BUNDLE_BUDGETS) {
    it(`${budget.file} ${budgetText(budget)}`, () => {
      const { size, met } = checkBudgets(bundleSizes(DIST)).find((c) => c.budget === budget)!;
      assert.ok(met, size === undefined ? `${budget.file} is missing from ${DIST}` : `${budget.file} is ${kb(size)} ${budget.of}, over its budget of ${kb(budget.limit)}`);
    });
  }
});
