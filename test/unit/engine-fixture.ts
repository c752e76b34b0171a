import { fileURLToPath } from 'node:url';
import { compileCatalogue } from '../../src/core/catalogue/compile-catalogue.js';
import { createEngine, type Engine } from '../../src/core/engine.js';
import { decodeIpData } from '../../src/core/ip/ip-data.js';
import { readCatalogueSources } from '../../src/node/read-catalogue-sources.js';
import { ipDataFor } from '../../src/node/ip-data-cache.js';
import type { CompiledCatalogue } from '../../src/core/catalogue/types.js';

const dataDir = fileURLToPath(new URL('../../data', import.meta.url));

let compiled: CompiledCatalogue | undefined;
let engine: Engine | undefined;

/** The real catalogue, compiled exactly as build.mjs does it. */
export function realCatalogue(): CompiledCatalogue {
  return (compiled ??= compileCatalogue(readCatalogueSources(dataDir)));
}

/** The real engine: the catalogue plus the ASN and published-range tables, as the build makes them. */
export function realEngine(): Engine {
  // Built once per test process: fingerprinting and reading the 12 MB of tables on every call made the suite crawl.
  if (engine === undefined) {
    const { main, v6 } = ipDataFor(realCatalogue());
    engine = createEngine(realCatalogue(), decodeIpData(main, v6));
  }
  return engine;
}
