// Run-time lookup over sorted, disjoint segments that cover the whole address
// space (see build-intervals.ts). Segments are typed arrays viewed straight
// over the loaded asset, so loading costs nothing but the small bucket index
// built here.
//
// The index maps the top bits of an address to the segments that can contain
// it, so a lookup is one array read plus a binary search over a few segments
// instead of ~19 steps over the whole table. 16 bits (a 256 KB index) for
// IPv4; more bits measured no faster on the ASN data and cost load time. For
// IPv6, 16 bits of the first word.

export const V4_BUCKET_BITS = 16;
export const V6_BUCKET_BITS = 16;

/**
 * For each value of an address's top `bits` bits, the first segment starting
 * in or after that bucket. `stride` is 1 for IPv4 starts, 4 for IPv6 (the top
 * word comes first). Built at compile time and shipped, so loading is free.
 */
export function bucketIndex(starts: Uint32Array, stride: 1 | 4, bits: number): Uint32Array {
  const count = starts.length / stride;
  const buckets = 2 ** bits;
  const shift = 32 - bits;
  const index = new Uint32Array(buckets + 1);
  let i = 0;
  for (let b = 0; b <= buckets; b++) {
    while (i < count && starts[i * stride]! >>> shift < b) i++;
    index[b] = i;
  }
  return index;
}

function checkedIndex(index: Uint32Array | undefined, starts: Uint32Array, stride: 1 | 4, bits: number): Uint32Array {
  if (index === undefined) return bucketIndex(starts, stride, bits);
  const buckets = 2 ** bits;
  if (index.length !== buckets + 1 || index[buckets] !== starts.length / stride) throw new Error('malformed bucket index');
  return index;
}

export class V4Table {
  private readonly index: Uint32Array;

  /** `starts[0]` must be 0: every address falls in some segment. Without an index, one is built. */
  constructor(readonly starts: Uint32Array, readonly values: Uint32Array, index?: Uint32Array) {
    if (starts.length !== values.length || starts.length === 0 || starts[0] !== 0) throw new Error('malformed IPv4 table');
    this.index = checkedIndex(index, starts, 1, V4_BUCKET_BITS);
  }

  /** The value of the segment holding `ip` (an unsigned 32-bit number); 0 means no data. */
  lookup(ip: number): number {
    const b = ip >>> (32 - V4_BUCKET_BITS);
    // The holder is the last segment starting at or before ip: it starts in this bucket or is the one open before it.
    const lo = this.index[b]!;
    return this.values[lastStartAtOrBefore4(this.starts, lo > 0 ? lo - 1 : 0, this.index[b + 1]! - 1, ip)]!;
  }
}

export class V6Table {
  private readonly index: Uint32Array;

  /** `starts` holds four 32-bit words per segment, most significant first. */
  constructor(readonly starts: Uint32Array, readonly values: Uint32Array, index?: Uint32Array) {
    if (starts.length !== values.length * 4 || values.length === 0 || starts[0] !== 0) throw new Error('malformed IPv6 table');
    this.index = checkedIndex(index, starts, 4, V6_BUCKET_BITS);
  }

  lookup(words: ArrayLike<number>): number {
    const b = words[0]! >>> (32 - V6_BUCKET_BITS);
    const lo = this.index[b]!;
    return this.values[lastStartAtOrBefore6(this.starts, lo > 0 ? lo - 1 : 0, this.index[b + 1]! - 1, words)]!;
  }
}

/**
 * The last of the segments lo..hi whose start is at or before `ip`; `starts[lo]`
 * must be at or before it. Used under a bucket index, and alone over small tables.
 */
export function lastStartAtOrBefore4(starts: Uint32Array, lo: number, hi: number, ip: number): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= ip) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The same over IPv6 starts, four 32-bit words per segment, most significant first. */
export function lastStartAtOrBefore6(starts: Uint32Array, lo: number, hi: number, words: ArrayLike<number>): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (startsAtOrBefore6(starts, mid, words)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether segment i starts at or before the address. */
function startsAtOrBefore6(starts: Uint32Array, i: number, words: ArrayLike<number>): boolean {
  const o = i * 4;
  for (let k = 0; k < 4; k++) {
    const a = starts[o + k]!;
    const b = words[k]!;
    if (a !== b) return a < b;
  }
  return true;
}
