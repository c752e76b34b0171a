import { fileURLToPath } from 'node:url';
import { catalogueFile, compileCatalogue } from '../core/catalogue/compile-catalogue.js';
import type { CompiledCatalogue } from '../core/catalogue/types.js';
import { createEngine, type Engine } from '../core/engine.js';
import { decodeIpData, type IpData } from '../core/ip/ip-data.js';
import { decodePublished } from '../core/ip/published-table.js';
import { ipAssetsFor } from './ip-data-cache.js';
import { readCatalogueSources } from './read-catalogue-sources.js';

const dataDir = fileURLToPath(new URL('../../data', import.meta.url));

/** The catalogue compiled from data/, exactly as build.mjs compiles it (for tests and scripts). */
export function catalogueFromSources(): CompiledCatalogue {
  return compileCatalogue(readCatalogueSources(dataDir));
}

/** The engine as the CLI has it, from data/ and the ASN tables (cached in node_modules/.cache), without a build. */
export function engineFromSources(catalogue = catalogueFromSources()): Engine<IpData> {
  const { main, v6, published } = ipAssetsFor(catalogue);
  return createEngine(catalogueFile(catalogue), decodeIpData(main, v6, decodePublished(published)));
}
