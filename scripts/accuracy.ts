// npm run accuracy: how well whoserves names the companies serving real sites,
// on the corpus of sourced observations in test/fixtures/observed.
import { catalogueFromSources, engineFromSources } from '../src/node/engine-from-sources.js';
import { installPublicSuffixes } from '../src/node/use-public-suffixes.js';
import { readCorpus } from './corpus/read-corpus.js';
import { SCORED_ROLES, scoreCorpus } from './corpus/score.js';

const catalogue = catalogueFromSources();
const engine = engineFromSources(catalogue);
await installPublicSuffixes();
const corpus = readCorpus();
const score = scoreCorpus(engine, corpus.map((c) => c.case));
const verbose = process.argv.includes('--verbose');

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
const rows = SCORED_ROLES.map((role) => {
  const t = score.roles[role];
  return `| ${role} | ${t.found} / ${t.expected} | ${pct(t.found, t.expected)} | ${t.namedRight} / ${t.named} | ${pct(t.namedRight, t.named)} |`;
});
const right = score.cases.filter((c) => c.fullyRight).length;
const plainEdge = score.cases.filter((c) => c.edgeOnPlainOrigin).length;
console.log(`${corpus.length} sourced observations, ${catalogue.providers.length} providers in the catalogue\n`);
console.log('| role | companies named | recall | catalogue claims right | precision |');
console.log('|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`\nCases fully right: ${right} / ${corpus.length} (${pct(right, corpus.length)})`);
console.log(`Edge (CDN) claims on plain origins: ${plainEdge}`);
console.log(`Corpus: ${Object.entries(score.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}`);

const misses = score.cases.filter((c) => !c.fullyRight);
if (misses.length > 0) {
  console.log(`\nNot fully right${verbose ? '' : ' (--verbose for what was named)'}:`);
  for (const c of misses) {
    const parts = [
      ...Object.entries(c.missed).map(([role, ids]) => `missed ${role} ${ids.join(', ')}`),
      ...Object.entries(c.wrong).map(([role, ids]) => `WRONG ${role} ${ids.join(', ')}`),
      ...(c.wrongEdge ? ['wrong edge reached'] : []),
    ];
    console.log(`- ${c.name}: ${parts.join('; ') || 'origin/block page'}`);
    if (verbose) console.log(`    named: ${c.report.providers.map((p) => `${p.role}:${p.id}${p.behind === undefined ? '' : `<${p.behind}`}`).join(' ')}`);
  }
}
