import { v6Words } from './parse-ip.js';

// Build time only: turns possibly nested or overlapping ranges into the
// sorted, disjoint segments the run-time tables search. Where ranges overlap,
// the most specific (smallest) one wins, which is what makes a published
// CloudFront range beat the Amazon range around it; where the same range is
// given twice (AWS lists CloudFront's ranges again in its full list), the
// first given wins.

export interface RangeInput {
  first: bigint;
  last: bigint;
  /** Non-zero: 0 is reserved for "no data". */
  value: number;
}

export interface Segments {
  /** Start of each segment, ascending; the first is always 0, so every address falls in one. */
  starts: bigint[];
  /** The segment's value, 0 where no range covers it. */
  values: number[];
}

/** A binary min-heap on (size, insertion order): the most specific open range on top; of equal ones, the first given. */
class OpenRanges {
  private heap: { size: bigint; order: number; range: RangeInput }[] = [];
  private readonly less = (i: number, j: number) => {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.size < b.size || (a.size === b.size && a.order < b.order);
  };

  get top(): RangeInput | undefined {
    return this.heap[0]?.range;
  }

  push(range: RangeInput, order: number): void {
    this.heap.push({ size: range.last - range.first, order, range });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent]!, this.heap[i]!];
      i = parent;
    }
  }

  pop(): void {
    const last = this.heap.pop();
    if (last === undefined || this.heap.length === 0) return;
    this.heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && this.less(l, best)) best = l;
      if (r < this.heap.length && this.less(r, best)) best = r;
      if (best === i) break;
      [this.heap[i], this.heap[best]] = [this.heap[best]!, this.heap[i]!];
      i = best;
    }
  }
}

/**
 * The fast path for tables that are already sorted and (almost) disjoint, such
 * as the ASN data: one linear pass. A range that overlaps the one before it is
 * clipped to what is left; returns undefined when the input is not sorted.
 */
function buildSortedSegments(ranges: readonly RangeInput[]): Segments | undefined {
  const starts: bigint[] = [];
  const values: number[] = [];
  const emit = (start: bigint, value: number) => {
    if (values.length > 0 && values[values.length - 1] === value) return;
    starts.push(start);
    values.push(value);
  };
  let cursor = 0n;
  let previousFirst = -1n;
  for (const r of ranges) {
    if (r.first < previousFirst) return undefined;
    previousFirst = r.first;
    if (r.last < cursor) continue;
    const first = r.first < cursor ? cursor : r.first;
    if (first > cursor || starts.length === 0) emit(cursor, 0);
    emit(first, r.value);
    cursor = r.last + 1n;
  }
  emit(cursor, 0);
  return { starts, values };
}

/** Whether no range lies inside another (then the linear path gives the same answer as the general one). */
function hasNesting(ranges: readonly RangeInput[]): boolean {
  for (let i = 1; i < ranges.length; i++) if (ranges[i]!.last <= ranges[i - 1]!.last && ranges[i]!.first >= ranges[i - 1]!.first) return true;
  return false;
}

export function buildSegments(ranges: readonly RangeInput[]): Segments {
  if (!hasNesting(ranges)) {
    const fast = buildSortedSegments(ranges);
    if (fast !== undefined) return fast;
  }
  return buildNestedSegments(ranges);
}

function buildNestedSegments(ranges: readonly RangeInput[]): Segments {
  const sorted = ranges.map((range, order) => ({ range, order })).sort((a, b) => (a.range.first < b.range.first ? -1 : a.range.first > b.range.first ? 1 : 0));
  // Every place the answer can change: where a range starts or just after one ends.
  const points = new Set<bigint>([0n]);
  for (const { range } of sorted) {
    points.add(range.first);
    points.add(range.last + 1n);
  }
  const boundaries = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const starts: bigint[] = [];
  const values: number[] = [];
  const open = new OpenRanges();
  let next = 0;
  for (const point of boundaries) {
    while (next < sorted.length && sorted[next]!.range.first <= point) {
      open.push(sorted[next]!.range, sorted[next]!.order);
      next++;
    }
    while (open.top !== undefined && open.top.last < point) open.pop();
    const value = open.top?.value ?? 0;
    if (values.length > 0 && values[values.length - 1] === value) continue; // merge equal neighbours
    starts.push(point);
    values.push(value);
  }
  return { starts, values };
}

/** Segments as the files store them: starts as 32-bit words (four per IPv6 start, most significant first), a value each. */
export interface SegmentArrays {
  starts: number[];
  values: number[];
}

/** The segments of these ranges over the whole IPv4 or IPv6 space. */
export function segmentArrays(ranges: readonly RangeInput[], version: 4 | 6): SegmentArrays {
  const seg = buildSegments(ranges);
  const end = version === 4 ? 1n << 32n : 1n << 128n;
  const starts: number[] = [];
  const values: number[] = [];
  seg.starts.forEach((s, i) => {
    if (s >= end) return; // the segment after a range ending at the last address
    if (version === 4) starts.push(Number(s));
    else starts.push(...v6Words(s));
    values.push(seg.values[i]!);
  });
  return { starts, values };
}
