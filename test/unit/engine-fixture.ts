import { fileURLToPath } from 'node:url';
import { catalogueFile, compileCatalogue } from '../../src/core/catalogue/compile-catalogue.js';
import { createEngine, type Engine } from '../../src/core/engine.js';
import { decodeIpData, type IpData } from '../../src/core/ip/ip-data.js';
import { decodePublished } from '../../src/core/ip/published-table.js';
import { readCatalogueSources } from '../../src/node/read-catalogue-sources.js';
import { ipAssetsFor, type IpAssets } from '../../src/node/ip-data-cache.js';
import type { CompiledCatalogue } from '../../src/core/catalogue/types.js';

const dataDir = fileURLToPath(new URL('../../data', import.meta.url));

let compiled: CompiledCatalogue | undefined;
let assets: IpAssets | undefined;
let engine: Engine<IpData> | undefined;

/** The real catalogue, compiled exactly as build.mjs does it. */
export function realCatalogue(): CompiledCatalogue {
  return (compiled ??= compileCatalogue(readCatalogueSources(dataDir)));
}

/** The IP files as the build makes them (from its cache). */
export function realAssets(): IpAssets {
  return (assets ??= ipAssetsFor(realCatalogue()));
}

/** The real engine: the shipped catalogue, the published ranges and the network tables, as the build makes them. */
export function realEngine(): Engine<IpData> {
  const { main, v6, published } = realAssets();
  return (engine ??= createEngine(catalogueFile(realCatalogue()), decodeIpData(main, v6, decodePublished(published))));
}
