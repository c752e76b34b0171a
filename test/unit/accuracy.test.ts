import assert from 'node:assert/strict';
import { readCorpus } from '../../scripts/corpus/read-corpus.js';
import { SCORED_ROLES, scoreCase, scoreCorpus } from '../../scripts/corpus/score.js';
import { realEngine } from './engine-fixture.js';

// The corpus of sourced real observations (test/fixtures/observed), scored as
// `npm run accuracy` prints it. A wrong claim fails its own case; a miss only
// counts against the recall each role must keep.

const MIN_RECALL = 0.95;

describe('observed in the wild (test/fixtures/observed)', () => {
  const corpus = readCorpus();

  for (const { file, case: c } of corpus) {
    it(`${file}: ${c.name}`, () => {
      assert.match(c.source, /^https?:\/\//, 'names its public source');
      assert.match(c.recorded, /^\d{4}-\d{2}-\d{2}$/, 'says when it was recorded');
      const s = scoreCase(realEngine(), c);
      assert.deepEqual(s.wrong, {}, `no company named that does not serve the site; named ${s.report.providers.map((p) => `${p.role}:${p.id}`).join(' ')}`);
      assert.equal(s.edgeOnPlainOrigin, false, 'no edge claimed for a plain origin');
      assert.equal(s.wrongEdge, false, 'the edge the browser reached');
      for (const p of s.report.providers) assert.ok(p.evidence.length > 0 && p.confidence > 0 && p.confidence < 1, `${p.id} has evidence and a confidence`);
    });
  }

  it(`names at least ${MIN_RECALL * 100} % of the companies serving the corpus's sites, per role`, () => {
    const { roles } = scoreCorpus(realEngine(), corpus.map((c) => c.case));
    for (const role of SCORED_ROLES) {
      const t = roles[role];
      assert.ok(t.expected > 0, `${role}: the corpus expects some`);
      assert.ok(t.found / t.expected >= MIN_RECALL, `${role}: ${t.found} of ${t.expected}`);
    }
  });

  it('holds sourced observations of every kind, plain origins among them', () => {
    const { kinds } = scoreCorpus(realEngine(), corpus.map((c) => c.case));
    assert.ok(corpus.length >= 600, `${corpus.length} cases`);
    assert.ok(kinds['plain-origin'] >= 180, `${kinds['plain-origin']} plain origins`);
    assert.ok(kinds.layered >= 50 && kinds.platform >= 25, `${kinds.layered} layered, ${kinds.platform} platforms`);
  });
});
