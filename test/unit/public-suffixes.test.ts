import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getDomain } from 'tldts';
import { publicSuffixes } from '../../src/core/public-suffixes.js';
import { readPublicSuffixes } from '../../src/node/read-public-suffixes.js';

// The list shipped as data must answer as the library it is compiled from.

describe('the public suffix list, compiled to data', () => {
  let psl: ReturnType<typeof publicSuffixes>;
  let rules: string[];
  before(async () => {
    const { data } = await readPublicSuffixes();
    psl = publicSuffixes(data);
    rules = [...data.rules, ...data.exceptions];
  });

  it('gives the registrable domain tldts gives, for every rule with labels before it', () => {
    for (const rule of rules) {
      for (const host of [rule.replace(/^\*\./, 'wild.'), `a.${rule.replace(/^\*\./, 'wild.')}`, `a.b.${rule.replace(/^\*\./, 'wild.')}`]) {
        assert.equal(psl.registrableDomain(host), getDomain(host, { allowPrivateDomains: false }) ?? undefined, host);
      }
    }
  });

  it('agrees on random names, known and unknown suffixes, private-section names included', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const suffix = fc.constantFrom('com', 'co.uk', 'github.io', 'kawasaki.jp', 'ck', 'www.ck', 'test', 'example', 'xn--p1ai', 'blogspot.com', 'vercel.app', 'uk');
    fc.assert(
      fc.property(fc.array(label, { minLength: 0, maxLength: 3 }), suffix, (labels, s) => {
        const host = [...labels, s].join('.');
        assert.equal(psl.registrableDomain(host), getDomain(host, { allowPrivateDomains: false }) ?? undefined, host);
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });
});
