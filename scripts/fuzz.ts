// `npm run fuzz [-- RUNS_PER_PROPERTY]`: the fuzz properties with many inputs
// (default 160 000 each, over a million in all) and a random seed, which is
// printed so a failure can be replayed.
import { catalogueFromSources, engineFromSources } from '../src/node/engine-from-sources.js';
import { installPublicSuffixes } from '../src/node/use-public-suffixes.js';
import fc from 'fast-check';
import { properties } from '../test/fuzz/properties.js';

const runs = Number(process.argv[2] ?? 160_000);
const seed = Date.now() % 2 ** 31;
const catalogue = catalogueFromSources();
const engine = engineFromSources(catalogue);
await installPublicSuffixes();

let total = 0;
let failed = 0;
const all = properties(engine);
for (const [name, property] of all) {
  const started = performance.now();
  const result = fc.check(property, { numRuns: runs, seed });
  total += result.numRuns;
  const ms = (performance.now() - started).toFixed(0);
  if (result.failed) {
    failed++;
    console.log(`FAIL  ${name}\n      ${fc.defaultReportMessage(result)?.split('\n').slice(0, 6).join('\n      ')}`);
  } else console.log(`ok    ${name} (${result.numRuns} inputs, ${ms} ms)`);
}
console.log(`\n${total} inputs, seed ${seed}: ${failed === 0 ? 'no failures' : `${failed} properties failed`}`);
console.log(`${all.length - failed} properties passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
