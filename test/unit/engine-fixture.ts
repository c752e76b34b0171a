import type { Engine } from '../../src/core/engine.js';
import type { CompiledCatalogue } from '../../src/core/catalogue/types.js';
import { catalogueFromSources, engineFromSources } from '../../src/node/engine-from-sources.js';

let compiled: CompiledCatalogue | undefined;
let engine: Engine | undefined;

/** The real catalogue, compiled exactly as build.mjs does it. */
export function realCatalogue(): CompiledCatalogue {
  return (compiled ??= catalogueFromSources());
}

/** The real engine, built once per test process: fingerprinting and reading the 12 MB of tables on every call made the suite crawl. */
export function realEngine(): Engine {
  return (engine ??= engineFromSources(realCatalogue()));
}
