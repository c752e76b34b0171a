import type { ParsedIp } from './parse-ip.js';
import type { PublishedTable } from './published-table.js';

export interface Network {
  asn: number;
  org: string;
}

/**
 * What classification reads of the IP data, synchronously. Two kinds hold
 * it: whole tables in memory (the CLI: ip-data.ts) and shards loaded on
 * demand (the extension's worker: network-shards.ts). With shards, an
 * address can be looked up only once `prepare` has loaded its shard, and a
 * lookup of an address that was not prepared throws.
 */
export interface IpTables {
  /** The providers' published ranges: always whole, they are small. */
  readonly published: PublishedTable;
  /** The address's network as index + 1 (for networkAt); 0 when nothing announces it. */
  networkIndex(ip: ParsedIp): number;
  /** The network for an index from networkIndex. */
  networkAt(indexPlusOne: number): Network | undefined;
  /** The published range holding the address as index + 1 (catalogue order); 0 when none. */
  publishedIndex(ip: ParsedIp): number;
  /**
   * Makes the lookups of these addresses possible; resolves at once where the
   * tables are whole. Look the addresses up straight after, without awaiting
   * anything else in between: shards loaded for other addresses later may
   * evict these.
   */
  prepare(ips: readonly ParsedIp[]): Promise<void>;
}
