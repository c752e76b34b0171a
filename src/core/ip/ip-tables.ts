import type { ParsedIp } from './parse-ip.js';
import type { PublishedTable } from './published-table.js';

export interface Network {
  asn: number;
  org: string;
}

/** What classification reads of the IP data, synchronously. */
export interface IpTables {
  /** The providers' published ranges. */
  readonly published: PublishedTable;
  /** The address's network as index + 1 (for networkAt); 0 when nothing announces it. */
  networkIndex(ip: ParsedIp): number;
  /** The network for an index from networkIndex. */
  networkAt(indexPlusOne: number): Network | undefined;
  /** The published range holding the address as index + 1 (catalogue order); 0 when none. */
  publishedIndex(ip: ParsedIp): number;
}
