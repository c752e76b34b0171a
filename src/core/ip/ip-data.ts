import type { ParsedIp } from './parse-ip.js';
import { V4_BUCKET_BITS, V6_BUCKET_BITS, V4Table, V6Table } from './interval-table.js';

// The binary assets: IP → network (ASN and organisation) from
// @ip-location-db/asn, and IP → published provider range, as typed arrays the
// worker and the CLI view in place, without parsing text. IPv6 lives in a
// second file, read only when an IPv6 address is first looked up: most bulk
// input is IPv4, and loading is mostly the cost of reading bytes.
//
// IPv4 is one table answering both questions: its segments are where either
// the network or the published range changes, and each value names an
// answer, a (network, published range) pair. One lookup per address.
//
// ipdata.bin (all integers unsigned 32-bit little-endian, every section 4-byte aligned):
//   header   HEADER_WORDS words: magic, format, then the counts below
//   v4       starts[n4], values[n4], index[65537]   value = answer index
//   answers  network[a], published[a]                network index + 1 (0 = unrouted),
//                                                    published range index + 1 (0 = none, catalogue order)
//   networks asn[m], org[m]                          org = index into the organisation names
//   orgs     offsets[k + 1], then k UTF-8 names back to back (de-duplicated)
// ipdata6.bin:
//   header   HEADER_WORDS words: magic, format, n6, p6, and the tag of the ipdata.bin it belongs with
//   asn v6   starts[4·n6], values[n6], index[65537]  value = network index + 1
//   pub v6   starts[4·p6], values[p6], index[65537]  value = published range index + 1
// (index: the bucket index of interval-table.ts, precomputed so loading does no work)

export const MAGIC = 0x50495357; // "WSIP"
export const MAGIC_V6 = 0x36495357; // "WSI6"
export const FORMAT = 4;
export const HEADER_WORDS = 12;

/** Ties the two files together: a hash of the main header, stored in both. */
export function headerTag(words: ArrayLike<number>): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 10; i++) h = Math.imul(h ^ (words[i] ?? 0), 0x01000193) >>> 0;
  return h;
}

export interface Network {
  asn: number;
  org: string;
}

interface TableSection {
  starts: Uint32Array;
  values: Uint32Array;
  index: Uint32Array;
}

export interface IpDataSections {
  v4: TableSection;
  answerNetwork: Uint32Array;
  answerPublished: Uint32Array;
  networkAsn: Uint32Array;
  networkOrg: Uint32Array;
  orgOffsets: Uint32Array;
  orgBytes: Uint8Array;
  /** How many published ranges the catalogue this was built with has: the two must match. */
  publishedCount: number;
  tag: number;
}

/** The IPv6 file, or a way to get it when first needed. */
export type V6Source = Uint8Array | (() => Uint8Array);

export class IpData {
  readonly v4: V4Table;
  private v6Tables: { asn: V6Table; pub: V6Table } | undefined;
  private readonly orgNames: (string | undefined)[];
  private readonly decoder = new TextDecoder();

  constructor(private readonly s: IpDataSections, private v6Source: V6Source) {
    this.v4 = new V4Table(s.v4.starts, s.v4.values, s.v4.index);
    if (s.answerNetwork.length !== s.answerPublished.length) throw new Error('ipdata: malformed answers');
    this.orgNames = new Array<string | undefined>(s.orgOffsets.length - 1);
    if (v6Source instanceof Uint8Array) this.v6Tables = decodeV6(v6Source, s.tag);
  }

  /** The IPv6 tables, read on first use. */
  private get v6(): { asn: V6Table; pub: V6Table } {
    this.v6Tables ??= decodeV6(typeof this.v6Source === 'function' ? this.v6Source() : this.v6Source, this.s.tag);
    return this.v6Tables;
  }

  get publishedCount(): number {
    return this.s.publishedCount;
  }

  get networkCount(): number {
    return this.s.networkAsn.length;
  }

  get answerCount(): number {
    return this.s.answerNetwork.length;
  }

  /** The answer for an IPv4 address as a number (the bulk path): read it with answerNetwork / answerPublished. */
  answerV4(ip: number): number {
    return this.v4.lookup(ip);
  }

  /** Network index + 1 of an answer; 0 when unrouted. */
  answerNetwork(answer: number): number {
    return this.s.answerNetwork[answer]!;
  }

  /** Published range index + 1 of an answer (catalogue order); 0 when in no published range. */
  answerPublished(answer: number): number {
    return this.s.answerPublished[answer]!;
  }

  networkIndex(ip: ParsedIp): number {
    return ip.version === 4 ? this.s.answerNetwork[this.v4.lookup(ip.v4)]! : this.v6.asn.lookup(ip.v6);
  }

  publishedIndex(ip: ParsedIp): number {
    return ip.version === 4 ? this.s.answerPublished[this.v4.lookup(ip.v4)]! : this.v6.pub.lookup(ip.v6);
  }

  /** The network for an index from networkIndex*; names are decoded once and kept. */
  networkAt(indexPlusOne: number): Network | undefined {
    if (indexPlusOne === 0) return undefined;
    const i = indexPlusOne - 1;
    const orgIndex = this.s.networkOrg[i]!;
    let org = this.orgNames[orgIndex];
    if (org === undefined) {
      org = this.decoder.decode(this.s.orgBytes.subarray(this.s.orgOffsets[orgIndex]!, this.s.orgOffsets[orgIndex + 1]!));
      this.orgNames[orgIndex] = org;
    }
    return { asn: this.s.networkAsn[i]!, org };
  }

  network(ip: ParsedIp): Network | undefined {
    return this.networkAt(this.networkIndex(ip));
  }
}

/** Typed-array views over an asset, checking each fits. */
function reader(input: Uint8Array, name: string) {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error(`${name}: file too short`);
  let offset = 0;
  const take = (count: number) => {
    if (offset + count * 4 > bytes.byteLength) throw new Error(`${name}: truncated`);
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, count);
    offset += count * 4;
    return view;
  };
  const table = (count: number, stride: 1 | 4): TableSection => ({ starts: take(count * stride), values: take(count), index: take(2 ** (stride === 1 ? V4_BUCKET_BITS : V6_BUCKET_BITS) + 1) });
  const rest = (length: number) => {
    if (offset + length > bytes.byteLength) throw new Error(`${name}: truncated`);
    return new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length);
  };
  const header = (magic: number) => {
    const h = take(HEADER_WORDS);
    if (h[0] !== magic) throw new Error(`${name}: not a whoserves IP table (or a big-endian machine)`);
    if (h[1] !== FORMAT) throw new Error(`${name}: format ${h[1]} is not ${FORMAT}; rebuild`);
    return h;
  };
  return { take, table, rest, header };
}

function decodeV6(input: Uint8Array, tag: number): { asn: V6Table; pub: V6Table } {
  const r = reader(input, 'ipdata6');
  const h = r.header(MAGIC_V6);
  if (h[4] !== tag) throw new Error('ipdata6: built with another ipdata.bin; rebuild');
  const asn = r.table(h[2]!, 4);
  const pub = r.table(h[3]!, 4);
  return { asn: new V6Table(asn.starts, asn.values, asn.index), pub: new V6Table(pub.starts, pub.values, pub.index) };
}

/**
 * Views the assets in place (copying only what is not 4-byte aligned). The
 * IPv6 file can be given as a function, called on the first IPv6 lookup.
 * Throws on a foreign, damaged or mismatched file.
 */
export function decodeIpData(input: Uint8Array, v6: V6Source): IpData {
  const r = reader(input, 'ipdata');
  const header = r.header(MAGIC);
  const [n4, answers, m, k, orgLength, publishedCount] = Array.from(header.subarray(2, 8));
  const sections: IpDataSections = {
    v4: r.table(n4!, 1),
    answerNetwork: r.take(answers!),
    answerPublished: r.take(answers!),
    networkAsn: r.take(m!),
    networkOrg: r.take(m!),
    orgOffsets: r.take(k! + 1),
    orgBytes: new Uint8Array(0),
    publishedCount: publishedCount!,
    tag: headerTag(header),
  };
  sections.orgBytes = r.rest(orgLength!);
  return new IpData(sections, v6);
}
