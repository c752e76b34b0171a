import type { SegmentArrays } from './build-intervals.js';
import type { NetworkTables } from './compile-networks.js';
import { hashWords, pack } from './binary-sections.js';
import { MAGIC_ADDRESS_SHARD, MAGIC_INDEX, MAGIC_NAMES_SHARD, SHARD_INDEX, shardName } from './network-shards.js';

// Build time: the network tables cut into the extension's shards (format in
// network-shards.ts).

export interface ShardSizes {
  /** At most this many segments in an IPv4 address shard (8 bytes each). */
  v4Segments: number;
  /** At most this many in an IPv6 one (20 bytes each). */
  v6Segments: number;
  /** At most this many networks in a names shard (about 31 bytes each with the name). */
  networksPerNameShard: number;
}

/** Sizes that make every kind of shard about `bytes` long. */
export const shardSizesFor = (bytes: number): ShardSizes => ({ v4Segments: Math.round(bytes / 8), v6Segments: Math.round(bytes / 20), networksPerNameShard: Math.round(bytes / 31) });

/**
 * 64 KB shards (scripts/measure-shards.ts): in Chromium's worker one fetch
 * costs about the same from 16 to 128 KB (~2 ms), so smaller shards would only
 * multiply files (311 at 32 KB against 157) and larger ones would raise what
 * stays resident (670 KB after one IPv4 and one IPv6 lookup at 128 KB, 547 KB
 * at 64 KB) for no faster lookup.
 */
export const SHARD_SIZES: ShardSizes = shardSizesFor(64 * 1024);

/** How many to put in each of the fewest parts of at most `max` that `total` cuts into evenly (no small leftover part). */
const evenPart = (total: number, max: number) => Math.max(1, Math.ceil(total / Math.ceil(total / max)));

/** Cuts segments into even runs of at most `max`; returns each run's file and first start. */
function addressShards(t: SegmentArrays, family: 4 | 6, max: number): { files: Uint8Array[]; starts: number[] } {
  const stride = family === 4 ? 1 : 4;
  const size = evenPart(t.values.length, max);
  const files: Uint8Array[] = [];
  const starts: number[] = [];
  for (let i = 0, n = 0; i < t.values.length; i += size, n++) {
    const values = t.values.slice(i, i + size);
    const first = t.starts.slice(i * stride, (i + size) * stride);
    starts.push(...first.slice(0, stride));
    files.push(pack(MAGIC_ADDRESS_SHARD, [family, n, values.length], [first, values]));
  }
  return { files, starts };
}

function namesShards(tables: NetworkTables, per: number): Uint8Array[] {
  const encoder = new TextEncoder();
  const files: Uint8Array[] = [];
  for (let i = 0, n = 0; i < tables.networks.length; i += per, n++) {
    const part = tables.networks.slice(i, i + per);
    const names = part.map((network) => encoder.encode(network.org));
    const offsets = [0];
    for (const b of names) offsets.push(offsets[offsets.length - 1]! + b.length);
    files.push(pack(MAGIC_NAMES_SHARD, [n, part.length, offsets[offsets.length - 1]!], [part.map((network) => network.asn), offsets], names));
  }
  return files;
}

/** Every shard file and the index, by file name. */
export function compileShards(tables: NetworkTables, sizes: ShardSizes = SHARD_SIZES): Map<string, Uint8Array> {
  const v4 = addressShards(tables.v4, 4, sizes.v4Segments);
  const v6 = addressShards(tables.v6, 6, sizes.v6Segments);
  const perNames = evenPart(tables.networks.length, sizes.networksPerNameShard);
  const names = namesShards(tables, perNames);
  const files = new Map<string, Uint8Array>();
  v4.files.forEach((f, n) => files.set(shardName('v4', n), f));
  v6.files.forEach((f, n) => files.set(shardName('v6', n), f));
  names.forEach((f, n) => files.set(shardName('names', n), f));
  const checksums = [...v4.files, ...v6.files, ...names].map((f) => hashWords(f));
  const header = [v4.files.length, v6.files.length, names.length, perNames, tables.networks.length];
  files.set(SHARD_INDEX, pack(MAGIC_INDEX, header, [v4.starts, v6.starts, checksums]));
  return files;
}
