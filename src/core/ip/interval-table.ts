// Run-time lookup over sorted, disjoint segments that cover the whole address
// space (see build-intervals.ts). Segments are typed arrays viewed straight
// over the loaded asset, so loading costs nothing but the small bucket index
// built here.
//
// The index maps the top 16 bits of an address to the segments that can
// contain it, so a lookup is one array read plus a binary search over a
// handful of segments instead of ~19 steps over the whole table.

export const BUCKETS = 65536;

/**
 * For each value of an address's top 16 bits, the first segment starting in
 * or after that bucket. `stride` is 1 for IPv4 starts, 4 for IPv6 (the top
 * word comes first). Built at compile time and shipped, so loading is free.
 */
export function bucketIndex(starts: Uint32Array, stride: 1 | 4): Uint32Array {
  const count = starts.length / stride;
  const index = new Uint32Array(BUCKETS + 1);
  let i = 0;
  for (let b = 0; b <= BUCKETS; b++) {
    while (i < count && starts[i * stride]! >>> 16 < b) i++;
    index[b] = i;
  }
  return index;
}

function checkedIndex(index: Uint32Array | undefined, starts: Uint32Array, stride: 1 | 4): Uint32Array {
  if (index === undefined) return bucketIndex(starts, stride);
  if (index.length !== BUCKETS + 1 || index[BUCKETS] !== starts.length / stride) throw new Error('malformed bucket index');
  return index;
}

export class V4Table {
  private readonly index: Uint32Array;

  /** `starts[0]` must be 0: every address falls in some segment. Without an index, one is built. */
  constructor(readonly starts: Uint32Array, readonly values: Uint32Array, index?: Uint32Array) {
    if (starts.length !== values.length || starts.length === 0 || starts[0] !== 0) throw new Error('malformed IPv4 table');
    this.index = checkedIndex(index, starts, 1);
  }

  /** The value of the segment holding `ip` (an unsigned 32-bit number); 0 means no data. */
  lookup(ip: number): number {
    const b = ip >>> 16;
    // The holder is the last segment starting at or before ip: it starts in this bucket or is the one open before it.
    let lo = this.index[b]!;
    lo = lo > 0 ? lo - 1 : 0;
    let hi = this.index[b + 1]! - 1;
    const starts = this.starts;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= ip) lo = mid;
      else hi = mid - 1;
    }
    return this.values[lo]!;
  }
}

export class V6Table {
  private readonly index: Uint32Array;

  /** `starts` holds four 32-bit words per segment, most significant first. */
  constructor(readonly starts: Uint32Array, readonly values: Uint32Array, index?: Uint32Array) {
    if (starts.length !== values.length * 4 || values.length === 0 || starts[0] !== 0) throw new Error('malformed IPv6 table');
    this.index = checkedIndex(index, starts, 4);
  }

  private startsAtOrBefore(i: number, w: ArrayLike<number>): boolean {
    const s = this.starts;
    const o = i * 4;
    for (let k = 0; k < 4; k++) {
      const a = s[o + k]!;
      const b = w[k]!;
      if (a !== b) return a < b;
    }
    return true;
  }

  lookup(words: ArrayLike<number>): number {
    const b = words[0]! >>> 16;
    let lo = this.index[b]!;
    lo = lo > 0 ? lo - 1 : 0;
    let hi = this.index[b + 1]! - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.startsAtOrBefore(mid, words)) lo = mid;
      else hi = mid - 1;
    }
    return this.values[lo]!;
  }
}
