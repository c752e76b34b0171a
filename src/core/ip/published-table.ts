import { readSections } from './binary-sections.js';
import { lastStartAtOrBefore4, lastStartAtOrBefore6 } from './interval-table.js';
import { formatIPv4, formatIPv6, type ParsedIp } from './parse-ip.js';

// The providers' own published ranges (data/ranges/*.txt, ~12 k CIDRs), small
// enough to load with the catalogue at every wake: the badge needs them.
//
// published.bin (unsigned 32-bit little-endian words, then bytes):
//   header     count, n4, n6, address words
//   v4         starts[n4], values[n4]      value = published range index + 1 (catalogue order), 0 = none
//   v6         starts[4·n6], values[n6]    the same; four words per start, most significant first
//   addresses  each range's first address: one word for IPv4, four for IPv6, in range order
//   prefixes   count bytes: the prefix length, plus V6_PREFIX for an IPv6 range
// The segments are the ranges painted most-specific-first (build-intervals.ts);
// the addresses and prefixes give back each range's CIDR text for evidence.

export const MAGIC_PUBLISHED = 0x42505357; // "WSPB"
/** Added to an IPv6 range's prefix length in the prefix bytes (IPv4 ones stay 0–32). */
export const V6_PREFIX = 64;

export class PublishedTable {
  /** Where each range's address starts in `addresses`, found once at load. */
  private readonly offsets: Uint32Array;

  constructor(
    private readonly v4: { starts: Uint32Array; values: Uint32Array },
    private readonly v6: { starts: Uint32Array; values: Uint32Array },
    private readonly addresses: Uint32Array,
    private readonly prefixes: Uint8Array,
  ) {
    if (v4.starts[0] !== 0 || v4.starts.length !== v4.values.length || v6.starts[0] !== 0 || v6.starts.length !== v6.values.length * 4) throw new Error('published.bin: malformed segments');
    // A plain loop: this runs at every wake and CLI start, before anything is warm.
    const offsets = new Uint32Array(prefixes.length);
    let at = 0;
    for (let i = 0; i < prefixes.length; i++) {
      const p = prefixes[i]!;
      if (p > 32 && (p < V6_PREFIX || p > V6_PREFIX + 128)) throw new Error(`published.bin: range ${i + 1} has no valid prefix`);
      offsets[i] = at;
      at += p > 32 ? 4 : 1;
    }
    if (at !== addresses.length) throw new Error('published.bin: addresses do not match the prefixes');
    this.offsets = offsets;
  }

  get count(): number {
    return this.prefixes.length;
  }

  /** The 1-based index (catalogue order) of the most specific published range holding the address; 0 for none. */
  index(ip: ParsedIp): number {
    return ip.version === 4
      ? this.v4.values[lastStartAtOrBefore4(this.v4.starts, 0, this.v4.values.length - 1, ip.v4)]!
      : this.v6.values[lastStartAtOrBefore6(this.v6.starts, 0, this.v6.values.length - 1, ip.v6)]!;
  }

  /** The canonical CIDR text of range `index` (1-based), as parseCidr writes it. */
  cidr(index: number): string {
    const p = this.prefixes[index - 1]!;
    const at = this.offsets[index - 1]!;
    return p > 32 ? `${formatIPv6(this.addresses.subarray(at, at + 4))}/${p - V6_PREFIX}` : `${formatIPv4(this.addresses[at]!)}/${p}`;
  }
}

export function decodePublished(input: Uint8Array): PublishedTable {
  const r = readSections(input, MAGIC_PUBLISHED, 'published.bin');
  const [count, n4, n6, addressWords] = r.header;
  const v4 = { starts: r.words(n4!), values: r.words(n4!) };
  const v6 = { starts: r.words(4 * n6!), values: r.words(n6!) };
  const addresses = r.words(addressWords!);
  const prefixes = r.bytes(count!);
  r.end();
  return new PublishedTable(v4, v6, addresses, prefixes);
}
