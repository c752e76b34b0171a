import { loadEngine } from './engine.js';

// Imported first by index.ts: nearly every wake is for a page's response or a
// popup, and both need the engine, so its files are asked for before the rest
// of the worker's script has even run (a cold badge waited ~4 ms on them).
loadEngine().catch((err: unknown) => console.error('whoserves: could not load the catalogue', err));
