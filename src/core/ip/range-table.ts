import { parseCidr, type ParsedIp } from './parse-ip.js';

export interface RangeMatch<T> {
  cidr: string;
  value: T;
}

// One hash map per prefix length, probed from the longest length down, so the
// most specific published range wins (CloudFront inside Amazon, Front Door
// inside Azure) at a cost bounded by the number of distinct lengths (≤ 129),
// not by the number of ranges.
export class RangeTable<T> {
  private readonly byLength = new Map<string, Map<bigint, RangeMatch<T>>>();
  private lengths: { version: 4 | 6; length: number }[] = [];

  /** Adds a CIDR; returns false when it is malformed. On an exact duplicate, the first value added wins. */
  add(cidr: string, value: T): boolean {
    const parsed = parseCidr(cidr);
    if (parsed === undefined) return false;
    const key = `${parsed.version}/${parsed.length}`;
    let map = this.byLength.get(key);
    if (map === undefined) {
      map = new Map();
      this.byLength.set(key, map);
      this.lengths.push({ version: parsed.version, length: parsed.length });
      this.lengths.sort((a, b) => b.length - a.length);
    }
    if (!map.has(parsed.network)) map.set(parsed.network, { cidr: parsed.text, value });
    return true;
  }

  lookup(ip: ParsedIp): RangeMatch<T> | undefined {
    const bits = ip.version === 4 ? 32 : 128;
    for (const { version, length } of this.lengths) {
      if (version !== ip.version) continue;
      const hostBits = BigInt(bits - length);
      const hit = this.byLength.get(`${version}/${length}`)?.get((ip.value >> hostBits) << hostBits);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
}
