import type { SegmentArrays } from './build-intervals.js';
import type { NetworkTables } from './compile-networks.js';
import type { CompiledPublished } from './compile-published.js';
import { hashWords, pack } from './binary-sections.js';
import { MAGIC, MAGIC_V6 } from './ip-data.js';
import { V4_BUCKET_BITS, V6_BUCKET_BITS, bucketIndex } from './interval-table.js';

// Build time: the CLI's whole tables, ipdata.bin and ipdata6.bin (format in
// ip-data.ts), from the network segments and the published IPv4 segments.

/**
 * One IPv4 table for both questions: a segment wherever either table changes,
 * valued by the (network, published range) pair that holds there.
 */
function combineV4(asn: SegmentArrays, pub: SegmentArrays) {
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

function withIndex(t: SegmentArrays, stride: 1 | 4): number[][] {
  return [t.starts, t.values, Array.from(bucketIndex(Uint32Array.from(t.starts), stride, stride === 1 ? V4_BUCKET_BITS : V6_BUCKET_BITS))];
}

export function compileIpData(tables: NetworkTables, published: CompiledPublished): { main: Uint8Array; v6: Uint8Array } {
  // Organisation names are stored once, however many networks share one.
  const orgIndex = new Map<string, number>();
  const networkOrg = tables.networks.map(({ org }) => orgIndex.get(org) ?? orgIndex.set(org, orgIndex.size).get(org)!);
  const encoder = new TextEncoder();
  const orgBytes = [...orgIndex.keys()].map((org) => encoder.encode(org));
  const orgOffsets = [0];
  for (const b of orgBytes) orgOffsets.push(orgOffsets[orgOffsets.length - 1]! + b.length);

  const v4 = combineV4(tables.v4, published.v4);
  const header = [v4.table.values.length, v4.answerNetwork.length, tables.networks.length, orgBytes.length, orgOffsets[orgOffsets.length - 1]!, published.count];
  const main = pack(MAGIC, header, [...withIndex(v4.table, 1), v4.answerNetwork, v4.answerPublished, tables.networks.map((n) => n.asn), networkOrg, orgOffsets], orgBytes);
  const v6 = pack(MAGIC_V6, [tables.v6.values.length, hashWords(header)], withIndex(tables.v6, 4));
  return { main, v6 };
}
