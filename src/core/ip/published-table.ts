import { readSections } from './binary-sections.js';
import { lastStartAtOrBefore4, lastStartAtOrBefore6 } from './interval-table.js';
import { formatIPv4, formatIPv6, type ParsedIp } from './parse-ip.js';

// The providers' own published ranges (data/ranges/*.txt, ~12 k CIDRs), small
// enough to load with the catalogue at every wake: the badge needs them.
//
// published.bin (unsigned 32-bit little-endian words, then bytes):
//   header     count, n4, n6
//   v4         starts[n4], values[n4]      value = published range index + 1 (catalogue order), 0 = none
//   v6         starts[4·n6], values[n6]    the same; four words per start, most significant first
//   prefixes   count bytes: the prefix length, plus V6_PREFIX for an IPv6 range
// The segments are the ranges painted most-specific-first (build-intervals.ts).
// A range's CIDR text for evidence comes from its prefix and the address found
// in it, so the ranges' own addresses are not kept (they were a third of the file).

export const MAGIC_PUBLISHED = 0x32505357; // "WSP2"
/** Added to an IPv6 range's prefix length in the prefix bytes (IPv4 ones stay 0–32). */
export const V6_PREFIX = 64;

export class PublishedTable {
  constructor(
    private readonly v4: { starts: Uint32Array; values: Uint32Array },
    private readonly v6: { starts: Uint32Array; values: Uint32Array },
    private readonly prefixes: Uint8Array,
  ) {
    if (v4.starts[0] !== 0 || v4.starts.length !== v4.values.length || v6.starts[0] !== 0 || v6.starts.length !== v6.values.length * 4) throw new Error('published.bin: malformed segments');
    // A plain loop: this runs at every wake and CLI start, before anything is warm.
    for (let i = 0; i < prefixes.length; i++) {
      const p = prefixes[i]!;
      if (p > 32 && (p < V6_PREFIX || p > V6_PREFIX + 128)) throw new Error(`published.bin: range ${i + 1} has no valid prefix`);
    }
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

  /**
   * The canonical CIDR text of range `index` (1-based), as parseCidr writes it,
   * from an address inside it (as index() found it): the address with the
   * range's host bits cleared.
   */
  cidr(index: number, inside: ParsedIp): string {
    const p = this.prefixes[index - 1]!;
    if ((p > 32) !== (inside.version === 6)) throw new Error(`published range ${index} cannot hold ${inside.text}`);
    if (inside.version === 4) return `${formatIPv4(masked(inside.v4, p))}/${p}`;
    const bits = p - V6_PREFIX;
    return `${formatIPv6(inside.v6.map((word, i) => masked(word, Math.min(32, Math.max(0, bits - 32 * i)))))}/${bits}`;
  }
}

/** A 32-bit word with all but its first `prefix` bits cleared. */
const masked = (word: number, prefix: number) => (prefix === 0 ? 0 : (word & (0xffffffff << (32 - prefix))) >>> 0);

export function decodePublished(input: Uint8Array): PublishedTable {
  const r = readSections(input, MAGIC_PUBLISHED, 'published.bin');
  const [count, n4, n6] = r.header;
  const v4 = { starts: r.words(n4!), values: r.words(n4!) };
  const v6 = { starts: r.words(4 * n6!), values: r.words(n6!) };
  const prefixes = r.bytes(count!);
  r.end();
  return new PublishedTable(v4, v6, prefixes);
}
