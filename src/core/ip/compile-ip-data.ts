import type { CompiledCatalogue } from '../catalogue/types.js';
import { buildSegments, type RangeInput } from './build-intervals.js';
import { parseCidr } from './parse-ip.js';
import { FORMAT, HEADER_WORDS, MAGIC, MAGIC_V6, headerTag } from './ip-data.js';
import { V4_BUCKET_BITS, V6_BUCKET_BITS, bucketIndex } from './interval-table.js';

// Build time: compiles the ASN tables and the catalogue's published ranges
// into ipdata.bin and ipdata6.bin (format in ip-data.ts).

export interface AsnRow {
  first: bigint;
  last: bigint;
  asn: number;
  org: string;
}

/**
 * Parses @ip-location-db/asn's numeric CSV (`first,last,asn,org`, the org
 * quoted when it holds a comma). Throws naming the line of a malformed row.
 */
export function parseAsnCsv(text: string, name: string): AsnRow[] {
  const rows: AsnRow[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw === '') continue;
    const c1 = raw.indexOf(',');
    const c2 = raw.indexOf(',', c1 + 1);
    const c3 = raw.indexOf(',', c2 + 1);
    if (c1 < 0 || c2 < 0 || c3 < 0) throw new Error(`${name}:${line}: expected first,last,asn,org`);
    let org = raw.slice(c3 + 1).replace(/\r$/, '');
    if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
    const asn = Number(raw.slice(c2 + 1, c3));
    try {
      const first = BigInt(raw.slice(0, c1));
      const last = BigInt(raw.slice(c1 + 1, c2));
      if (!Number.isInteger(asn) || asn < 0 || last < first) throw new Error('out of range');
      rows.push({ first, last, asn, org });
    } catch {
      throw new Error(`${name}:${line}: malformed row`);
    }
  }
  return rows;
}

const V4_END = 1n << 32n;
const V6_END = 1n << 128n;

function v4Arrays(ranges: RangeInput[]): { starts: number[]; values: number[] } {
  const seg = buildSegments(ranges);
  const keep = seg.starts.map((s, i) => [s, i] as const).filter(([s]) => s < V4_END);
  return { starts: keep.map(([s]) => Number(s)), values: keep.map(([, i]) => seg.values[i]!) };
}

function v6Arrays(ranges: RangeInput[]): { starts: number[]; values: number[] } {
  const seg = buildSegments(ranges);
  const starts: number[] = [];
  const values: number[] = [];
  seg.starts.forEach((s, i) => {
    if (s >= V6_END) return;
    starts.push(Number((s >> 96n) & 0xffffffffn), Number((s >> 64n) & 0xffffffffn), Number((s >> 32n) & 0xffffffffn), Number(s & 0xffffffffn));
    values.push(seg.values[i]!);
  });
  return { starts, values };
}

/**
 * One IPv4 table for both questions: a segment wherever either table changes,
 * valued by the (network, published range) pair that holds there.
 */
function combineV4(asn: { starts: number[]; values: number[] }, pub: { starts: number[]; values: number[] }) {
  const starts: number[] = [];
  const values: number[] = [];
  const answerNetwork: number[] = [];
  const answerPublished: number[] = [];
  const answers = new Map<string, number>();
  let i = 0;
  let j = 0;
  let a = 0;
  let p = 0;
  while (i < asn.starts.length || j < pub.starts.length) {
    const nextA = i < asn.starts.length ? asn.starts[i]! : Infinity;
    const nextP = j < pub.starts.length ? pub.starts[j]! : Infinity;
    const at = Math.min(nextA, nextP);
    if (nextA === at) a = asn.values[i++]!;
    if (nextP === at) p = pub.values[j++]!;
    const key = `${a}:${p}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = answerNetwork.length;
      answers.set(key, answer);
      answerNetwork.push(a);
      answerPublished.push(p);
    }
    if (values.length > 0 && values[values.length - 1] === answer) continue;
    starts.push(at);
    values.push(answer);
  }
  return { table: { starts, values }, answerNetwork, answerPublished };
}

function withIndex(t: { starts: number[]; values: number[] }, stride: 1 | 4): number[][] {
  return [t.starts, t.values, Array.from(bucketIndex(Uint32Array.from(t.starts), stride, stride === 1 ? V4_BUCKET_BITS : V6_BUCKET_BITS))];
}

export function compileIpData(asnV4: AsnRow[], asnV6: AsnRow[], catalogue: CompiledCatalogue): { main: Uint8Array; v6: Uint8Array } {
  // Networks are (asn, org) pairs; organisation names are stored once.
  const orgIndex = new Map<string, number>();
  const networkIndex = new Map<string, number>();
  const networkAsn: number[] = [];
  const networkOrg: number[] = [];
  const toRanges = (rows: AsnRow[]): RangeInput[] =>
    rows.map((row) => {
      const key = `${row.asn}\u0000${row.org}`;
      let index = networkIndex.get(key);
      if (index === undefined) {
        let org = orgIndex.get(row.org);
        if (org === undefined) {
          org = orgIndex.size;
          orgIndex.set(row.org, org);
        }
        index = networkAsn.length;
        networkIndex.set(key, index);
        networkAsn.push(row.asn);
        networkOrg.push(org);
      }
      return { first: row.first, last: row.last, value: index + 1 };
    });
  const asn4 = v4Arrays(toRanges(asnV4));
  const asn6 = v6Arrays(toRanges(asnV6));

  const pub4: RangeInput[] = [];
  const pub6: RangeInput[] = [];
  let published = 0;
  for (const list of catalogue.ranges) {
    for (const cidr of list.cidrs) {
      published++;
      const parsed = parseCidr(cidr);
      if (parsed === undefined) throw new Error(`${list.file}: bad CIDR ${cidr}`);
      (parsed.version === 4 ? pub4 : pub6).push({ first: parsed.first, last: parsed.last, value: published });
    }
  }
  const p4 = v4Arrays(pub4);
  const p6 = v6Arrays(pub6);

  const encoder = new TextEncoder();
  const orgBytes = [...orgIndex.keys()].map((org) => encoder.encode(org));
  const orgOffsets = [0];
  for (const b of orgBytes) orgOffsets.push(orgOffsets[orgOffsets.length - 1]! + b.length);
  const orgLength = orgOffsets[orgOffsets.length - 1]!;

  const v4 = combineV4(asn4, p4);
  const header = [MAGIC, FORMAT, v4.table.values.length, v4.answerNetwork.length, networkAsn.length, orgBytes.length, orgLength, published, 0, 0, 0, 0];
  if (header.length !== HEADER_WORDS) throw new Error('header size mismatch');
  const main = pack([header, ...withIndex(v4.table, 1), v4.answerNetwork, v4.answerPublished, networkAsn, networkOrg, orgOffsets], orgBytes);
  const v6Header = [MAGIC_V6, FORMAT, asn6.values.length, p6.values.length, headerTag(header), 0, 0, 0, 0, 0, 0, 0];
  const v6 = pack([v6Header, ...withIndex(asn6, 4), ...withIndex(p6, 4)], []);
  return { main, v6 };
}

/** Lays out 32-bit sections back to back, then raw byte strings. */
function pack(words: number[][], tail: Uint8Array[]): Uint8Array {
  const wordCount = words.reduce((n, w) => n + w.length, 0);
  const tailLength = tail.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(wordCount * 4 + tailLength);
  const view = new Uint32Array(out.buffer, 0, wordCount);
  let at = 0;
  for (const w of words) {
    view.set(w, at);
    at += w.length;
  }
  let byte = wordCount * 4;
  for (const b of tail) {
    out.set(b, byte);
    byte += b.length;
  }
  return out;
}
