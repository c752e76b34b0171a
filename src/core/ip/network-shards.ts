import type { ParsedIp } from './parse-ip.js';
import type { IpTables, Network } from './ip-tables.js';
import type { PublishedTable } from './published-table.js';
import { hashWords, readSections } from './binary-sections.js';
import { lastStartAtOrBefore4, lastStartAtOrBefore6 } from './interval-table.js';
import { ShardCache } from './shard-cache.js';

// The extension's network tables: the same segments as the CLI's whole
// tables (compile-networks.ts numbers the networks once for both), cut into
// shards the worker fetches for the addresses it is asked about, so a wake
// reads a few hundred kilobytes instead of 12 MB.
//
// Address shards hold contiguous runs of segments, at most a fixed number
// each (compile-shards.ts): allocations are uneven (a few IPv6 /16s hold most
// segments), so cutting by count keeps every shard small where cutting by
// leading bits would not. An address shard gives the network index; the
// network's ASN and organisation are in the names shard for that index,
// shared by every address shard (one copy of each name, not one per shard
// that meets it).
//
// index.bin (sections as in binary-sections.ts):
//   header     v4 shards s4, v6 shards s6, names shards k, networks per names shard, networks
//   starts     v4[s4], v6[4·s6]              the first address of each address shard
//   checksums  [s4 + s6 + k]                 hashWords over each shard file's bytes, v4 then v6 then names
// v4-N.bin, v6-N.bin: header family (4 or 6), N, n; starts[n·(1 or 4)], values[n] (network index + 1)
// names-N.bin: header N, m, name bytes; asn[m], offsets[m + 1], UTF-8 names

export const MAGIC_INDEX = 0x58535357; // "WSSX"
export const MAGIC_ADDRESS_SHARD = 0x41535357; // "WSSA"
export const MAGIC_NAMES_SHARD = 0x4e535357; // "WSSN"
export const SHARD_INDEX = 'index.bin';
/** Where the build puts the index and the shards, beside the other data files. */
export const SHARD_DIR = 'networks';
/** Loaded shards kept, by bytes: room for about sixteen (compile-shards.ts makes them ~64 KB). */
const DEFAULT_CACHE_BYTES = 1 << 20;

export type ShardKind = 'v4' | 'v6' | 'names';

export const shardName = (kind: ShardKind, n: number): string => `${kind}-${n}.bin`;

/** Reads a shard file by name (from the extension package, a directory, memory). */
export type ReadShard = (name: string) => Promise<Uint8Array>;

export interface ShardIndex {
  v4Starts: Uint32Array;
  v6Starts: Uint32Array;
  nameShards: number;
  networksPerNameShard: number;
  checksums: Uint32Array;
}

interface AddressShard {
  starts: Uint32Array;
  values: Uint32Array;
  byteLength: number;
}

interface NamesShard {
  asn: Uint32Array;
  offsets: Uint32Array;
  names: Uint8Array;
  byteLength: number;
}

type Shard = AddressShard | NamesShard;

export function decodeShardIndex(input: Uint8Array): ShardIndex {
  const r = readSections(input, MAGIC_INDEX, SHARD_INDEX);
  const [s4, s6, k, per, networkCount] = r.header;
  const index: ShardIndex = { v4Starts: r.words(s4!), v6Starts: r.words(4 * s6!), nameShards: k!, networksPerNameShard: per!, checksums: r.words(s4! + s6! + k!) };
  r.end();
  if (index.v4Starts[0] !== 0 || index.v6Starts[0] !== 0 || per === 0 || k !== Math.ceil(networkCount! / per!)) throw new Error(`${SHARD_INDEX}: malformed`);
  return index;
}

/** Checks a shard file against the index, then views it. Every problem names the file. */
function decodeShard(index: ShardIndex, name: string, bytes: Uint8Array): Shard {
  const spec = /^(v4|v6|names)-(\d+)\.bin$/.exec(name);
  if (spec === null) throw new Error(`${name}: not a shard name`);
  const kind = spec[1] as ShardKind;
  const n = Number(spec[2]);
  const s4 = index.v4Starts.length;
  const s6 = index.v6Starts.length / 4;
  const count = kind === 'v4' ? s4 : kind === 'v6' ? s6 : index.nameShards;
  if (n >= count) throw new Error(`${name}: no such shard`);
  const checksum = index.checksums[(kind === 'v4' ? 0 : kind === 'v6' ? s4 : s4 + s6) + n];
  if (hashWords(bytes) !== checksum) throw new Error(`${name}: damaged or truncated (it does not match ${SHARD_INDEX}; rebuild)`);
  if (kind === 'names') {
    const r = readSections(bytes, MAGIC_NAMES_SHARD, name);
    const [number, m, length] = r.header;
    if (number !== n) throw new Error(`${name}: holds shard ${number}`);
    const shard: NamesShard = { asn: r.words(m!), offsets: r.words(m! + 1), names: r.bytes(length!), byteLength: bytes.byteLength };
    r.end();
    return shard;
  }
  const r = readSections(bytes, MAGIC_ADDRESS_SHARD, name);
  const [family, number, segments] = r.header;
  if (family !== (kind === 'v4' ? 4 : 6) || number !== n || segments === 0) throw new Error(`${name}: holds IPv${family} shard ${number}`);
  const shard: AddressShard = { starts: r.words(segments! * (kind === 'v4' ? 1 : 4)), values: r.words(segments!), byteLength: bytes.byteLength };
  r.end();
  return shard;
}

export class ShardedIpData implements IpTables {
  private readonly cache: ShardCache<Shard>;
  private readonly decoder = new TextDecoder();

  constructor(private readonly index: ShardIndex, readonly published: PublishedTable, readShard: ReadShard, maxBytes = DEFAULT_CACHE_BYTES) {
    this.cache = new ShardCache<Shard>(maxBytes, async (name) => decodeShard(index, name, await readShard(name)));
  }

  /** Bytes of the shards now loaded. */
  get residentBytes(): number {
    return this.cache.bytes;
  }

  private addressShardName(ip: ParsedIp): string {
    return ip.version === 4
      ? shardName('v4', lastStartAtOrBefore4(this.index.v4Starts, 0, this.index.v4Starts.length - 1, ip.v4))
      : shardName('v6', lastStartAtOrBefore6(this.index.v6Starts, 0, this.index.v6Starts.length / 4 - 1, ip.v6));
  }

  private namesShardName(indexPlusOne: number): string {
    return shardName('names', Math.floor((indexPlusOne - 1) / this.index.networksPerNameShard));
  }

  async prepare(ips: readonly ParsedIp[]): Promise<void> {
    const held: string[] = [];
    const hold = (names: string[]) => {
      const unique = [...new Set(names)];
      held.push(...unique);
      return this.cache.acquire(unique);
    };
    try {
      await hold(ips.map((ip) => this.addressShardName(ip)));
      // The address shards say which networks; their names come from the names shards.
      await hold(ips.map((ip) => this.networkIndex(ip)).filter((i) => i > 0).map((i) => this.namesShardName(i)));
    } finally {
      this.cache.release(held);
    }
  }

  networkIndex(ip: ParsedIp): number {
    const name = this.addressShardName(ip);
    const shard = this.cache.get(name) as AddressShard | undefined;
    if (shard === undefined) throw new Error(`${ip.text} was looked up before its network shard ${name} was loaded: await engine.prepare() with it first`);
    const last = shard.values.length - 1;
    return shard.values[ip.version === 4 ? lastStartAtOrBefore4(shard.starts, 0, last, ip.v4) : lastStartAtOrBefore6(shard.starts, 0, last, ip.v6)]!;
  }

  networkAt(indexPlusOne: number): Network | undefined {
    if (indexPlusOne === 0) return undefined;
    const name = this.namesShardName(indexPlusOne);
    const shard = this.cache.get(name) as NamesShard | undefined;
    if (shard === undefined) throw new Error(`network ${indexPlusOne} was read before its names shard ${name} was loaded: await engine.prepare() with its address first`);
    const i = (indexPlusOne - 1) % this.index.networksPerNameShard;
    return { asn: shard.asn[i]!, org: this.decoder.decode(shard.names.subarray(shard.offsets[i]!, shard.offsets[i + 1]!)) };
  }

  publishedIndex(ip: ParsedIp): number {
    return this.published.index(ip);
  }
}
