import { fileURLToPath } from 'node:url';
import { compileCatalogue } from '../core/catalogue/compile-catalogue.js';
import type { CompiledCatalogue } from '../core/catalogue/types.js';
import { createEngine, type Engine } from '../core/engine.js';
import { decodeIpData } from '../core/ip/ip-data.js';
import { ipDataFor } from './ip-data-cache.js';
import { readCatalogueSources } from './read-catalogue-sources.js';

const dataDir = fileURLToPath(new URL('../../data', import.meta.url));

/** The catalogue compiled from data/, exactly as build.mjs compiles it (for tests and scripts). */
export function catalogueFromSources(): CompiledCatalogue {
  return compileCatalogue(readCatalogueSources(dataDir));
}

/** The engine from data/ and the ASN tables (cached in node_modules/.cache), without a build. */
export function engineFromSources(catalogue = catalogueFromSources()): Engine {
  const { main, v6 } = ipDataFor(catalogue);
  return createEngine(catalogue, decodeIpData(main, v6));
}
