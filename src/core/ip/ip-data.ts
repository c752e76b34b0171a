import type { ParsedIp } from './parse-ip.js';
import { V4_BUCKET_BITS, V6_BUCKET_BITS, V4Table, V6Table } from './interval-table.js';

// The binary asset `ipdata.bin`: IP → network (ASN and organisation) from
// @ip-location-db/asn, and IP → published provider range, as typed arrays the
// worker and the CLI view in place, without parsing text.
//
// IPv4, the bulk case, is one table answering both questions: its segments
// are where either the network or the published range changes, and each
// value names an answer, a (network, published range) pair. One lookup per
// address. IPv6 keeps one table per question.
//
// Layout (all integers unsigned 32-bit little-endian, every section 4-byte aligned):
//   header   HEADER_WORDS words: magic, format, then the counts below
//   v4       starts[n4], values[n4], index[65537]   value = answer index
//   answers  network[a], published[a]                network index + 1 (0 = unrouted),
//                                                    published range index + 1 (0 = none, catalogue order)
//   asn v6   starts[4·n6], values[n6], index[65537]  value = network index + 1
//   pub v6   starts[4·p6], values[p6], index[65537]  value = published range index + 1
//   (index: the bucket index of interval-table.ts, precomputed so loading does no work)
//   networks asn[m], org[m]                          org = index into the organisation names
//   orgs     offsets[k + 1], then k UTF-8 names back to back (de-duplicated)

export const MAGIC = 0x50495357; // "WSIP"
export const FORMAT = 3;
export const HEADER_WORDS = 12;

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
  asnV6: TableSection;
  pubV6: TableSection;
  networkAsn: Uint32Array;
  networkOrg: Uint32Array;
  orgOffsets: Uint32Array;
  orgBytes: Uint8Array;
  /** How many published ranges the catalogue this was built with has: the two must match. */
  publishedCount: number;
}

export class IpData {
  readonly v4: V4Table;
  readonly asnV6: V6Table;
  readonly pubV6: V6Table;
  private readonly orgNames: (string | undefined)[];
  private readonly decoder = new TextDecoder();

  constructor(private readonly s: IpDataSections) {
    this.v4 = new V4Table(s.v4.starts, s.v4.values, s.v4.index);
    this.asnV6 = new V6Table(s.asnV6.starts, s.asnV6.values, s.asnV6.index);
    this.pubV6 = new V6Table(s.pubV6.starts, s.pubV6.values, s.pubV6.index);
    if (s.answerNetwork.length !== s.answerPublished.length) throw new Error('ipdata: malformed answers');
    this.orgNames = new Array<string | undefined>(s.orgOffsets.length - 1);
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
    return ip.version === 4 ? this.s.answerNetwork[this.v4.lookup(ip.v4)]! : this.asnV6.lookup(ip.v6);
  }

  publishedIndex(ip: ParsedIp): number {
    return ip.version === 4 ? this.s.answerPublished[this.v4.lookup(ip.v4)]! : this.pubV6.lookup(ip.v6);
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

/** Views the asset in place (copying only if it is not 4-byte aligned). Throws on a foreign or damaged file. */
export function decodeIpData(input: Uint8Array): IpData {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('ipdata: file too short');
  const words = (offset: number, count: number) => {
    if (offset + count * 4 > bytes.byteLength) throw new Error('ipdata: truncated');
    return new Uint32Array(bytes.buffer, bytes.byteOffset + offset, count);
  };
  const header = words(0, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('ipdata: not a whoserves IP table (or a big-endian machine)');
  if (header[1] !== FORMAT) throw new Error(`ipdata: format ${header[1]} is not ${FORMAT}; rebuild`);
  const [n4, answers, n6, p6, m, k, orgLength, publishedCount] = Array.from(header.subarray(2, 10));
  let offset = HEADER_WORDS * 4;
  const take = (count: number) => {
    const view = words(offset, count);
    offset += count * 4;
    return view;
  };
  const table = (count: number, stride: 1 | 4): TableSection => ({ starts: take(count * stride), values: take(count), index: take(2 ** (stride === 1 ? V4_BUCKET_BITS : V6_BUCKET_BITS) + 1) });
  const sections: IpDataSections = {
    v4: table(n4!, 1),
    answerNetwork: take(answers!),
    answerPublished: take(answers!),
    asnV6: table(n6!, 4),
    pubV6: table(p6!, 4),
    networkAsn: take(m!),
    networkOrg: take(m!),
    orgOffsets: take(k! + 1),
    orgBytes: new Uint8Array(0),
    publishedCount: publishedCount!,
  };
  if (offset + orgLength! > bytes.byteLength) throw new Error('ipdata: truncated');
  sections.orgBytes = new Uint8Array(bytes.buffer, bytes.byteOffset + offset, orgLength!);
  return new IpData(sections);
}
