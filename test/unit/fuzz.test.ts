import fc from 'fast-check';
import { properties } from '../fuzz/properties.js';
import { realEngine } from './engine-fixture.js';

// A slice of `npm run fuzz` on every test run: the same properties, fewer inputs, a fixed seed.
const RUNS = 300;

describe('fuzzing (reduced; npm run fuzz runs over a million inputs)', () => {
  for (const [name, property] of properties(realEngine())) {
    it(name, () => fc.assert(property, { numRuns: RUNS, seed: 20261125 }));
  }
});
