import { catalogueFile } from '../../src/core/catalogue/compile-catalogue.js';
import { createEngine, type Engine } from '../../src/core/engine.js';
import type { IpData } from '../../src/core/ip/ip-data.js';
import { decodePublished } from '../../src/core/ip/published-table.js';
import { SHARD_INDEX, ShardedIpData, decodeShardIndex, type ReadShard } from '../../src/core/ip/network-shards.js';
import { ipAssetsFor, type IpAssets } from '../../src/node/ip-data-cache.js';
import type { CompiledCatalogue } from '../../src/core/catalogue/types.js';
import { catalogueFromSources, engineFromSources } from '../../src/node/engine-from-sources.js';

let compiled: CompiledCatalogue | undefined;
let assets: IpAssets | undefined;
let engine: Engine<IpData> | undefined;

/** The real catalogue, compiled exactly as build.mjs does it. */
export function realCatalogue(): CompiledCatalogue {
  return (compiled ??= catalogueFromSources());
}

/** The IP files as the build makes them (from its cache). */
export function realAssets(): IpAssets {
  return (assets ??= ipAssetsFor(realCatalogue()));
}

/** The real engine as the CLI has it, built once per test process: the shipped catalogue, the published ranges and the whole network tables. */
export function realEngine(): Engine<IpData> {
  return (engine ??= engineFromSources(realCatalogue()));
}

/** Reads the real shards from memory (a fresh copy each time, as a fetch gives). */
export const realShards: ReadShard = (name) => {
  const bytes = realAssets().shards.get(name);
  return bytes === undefined ? Promise.reject(new Error(`${name}: no such file`)) : Promise.resolve(new Uint8Array(bytes));
};

/** The real engine as the extension's worker has it: network shards read on demand through `readShard`. */
export function shardedEngine(readShard: ReadShard = realShards, maxBytes?: number): Engine<ShardedIpData> {
  const { published, shards } = realAssets();
  const index = decodeShardIndex(shards.get(SHARD_INDEX)!);
  return createEngine(catalogueFile(realCatalogue()), new ShardedIpData(index, decodePublished(published), readShard, maxBytes));
}
