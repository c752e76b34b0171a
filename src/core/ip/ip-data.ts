import type { ParsedIp } from './parse-ip.js';
import type { IpTables, Network } from './ip-tables.js';
import type { PublishedTable } from './published-table.js';
import { hashWords, readSections, type SectionReader } from './binary-sections.js';
import { V4_BUCKET_BITS, V6_BUCKET_BITS, V4Table, V6Table } from './interval-table.js';

// The CLI's whole tables: IP → network (ASN and organisation) from
// @ip-location-db/asn as typed arrays viewed in place, without parsing text.
// IPv6 lives in a second file, read only when an IPv6 address is first looked
// up: most bulk input is IPv4, and loading is mostly the cost of reading bytes.
//
// IPv4 is one table answering both questions: its segments are where either
// the network or the published range changes, and each value names an
// answer, a (network, published range) pair. One lookup per address. IPv6
// published ranges are looked up in published.bin.
//
// ipdata.bin (sections as in binary-sections.ts):
//   header   n4, answers a, networks m, organisations k, organisation bytes, published ranges
//   v4       starts[n4], values[n4], index[65537]   value = answer index
//   answers  network[a], published[a]                network index + 1 (0 = unrouted),
//                                                    published range index + 1 (0 = none, catalogue order)
//   networks asn[m], org[m]                          org = index into the organisation names
//   orgs     offsets[k + 1], then k UTF-8 names back to back (de-duplicated)
// ipdata6.bin:
//   header   n6, the hash of ipdata.bin's header (the two must be built together)
//   asn v6   starts[4·n6], values[n6], index[65537]  value = network index + 1
// (index: the bucket index of interval-table.ts, precomputed so loading does no work)

export const MAGIC = 0x50495357; // "WSIP"
export const MAGIC_V6 = 0x36495357; // "WSI6"

interface IpDataSections {
  v4: V4Table;
  answerNetwork: Uint32Array;
  answerPublished: Uint32Array;
  networkAsn: Uint32Array;
  networkOrg: Uint32Array;
  orgOffsets: Uint32Array;
  orgBytes: Uint8Array;
  tag: number;
}

/** The IPv6 file, or a way to get it when first needed. */
export type V6Source = Uint8Array | (() => Uint8Array);

export class IpData implements IpTables {
  private v6Table: V6Table | undefined;
  private readonly orgNames: (string | undefined)[];
  private readonly decoder = new TextDecoder();

  constructor(private readonly s: IpDataSections, private readonly v6Source: V6Source, readonly published: PublishedTable) {
    if (s.answerNetwork.length !== s.answerPublished.length) throw new Error('ipdata: malformed answers');
    this.orgNames = new Array<string | undefined>(s.orgOffsets.length - 1);
    if (v6Source instanceof Uint8Array) this.v6Table = decodeV6(v6Source, s.tag);
  }

  /** The IPv6 table, read on first use. */
  private get v6(): V6Table {
    this.v6Table ??= decodeV6(typeof this.v6Source === 'function' ? this.v6Source() : this.v6Source, this.s.tag);
    return this.v6Table;
  }

  get v4(): V4Table {
    return this.s.v4;
  }

  get networkCount(): number {
    return this.s.networkAsn.length;
  }

  get answerCount(): number {
    return this.s.answerNetwork.length;
  }

  /** The answer for an IPv4 address as a number (the bulk path): read it with answerNetwork / answerPublished. */
  answerV4(ip: number): number {
    return this.s.v4.lookup(ip);
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
    return ip.version === 4 ? this.s.answerNetwork[this.s.v4.lookup(ip.v4)]! : this.v6.lookup(ip.v6);
  }

  publishedIndex(ip: ParsedIp): number {
    return ip.version === 4 ? this.s.answerPublished[this.s.v4.lookup(ip.v4)]! : this.published.index(ip);
  }

  /** The network for an index from networkIndex; names are decoded once and kept. */
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

  /** Whole tables answer every address: nothing to load. */
  prepare(): Promise<void> {
    return Promise.resolve();
  }
}

const bucketed = (r: SectionReader, count: number, stride: 1 | 4) => ({ starts: r.words(count * stride), values: r.words(count), index: r.words(2 ** (stride === 1 ? V4_BUCKET_BITS : V6_BUCKET_BITS) + 1) });

function decodeV6(input: Uint8Array, tag: number): V6Table {
  const r = readSections(input, MAGIC_V6, 'ipdata6.bin');
  const [n6, fileTag] = r.header;
  if (fileTag !== tag) throw new Error('ipdata6.bin: built with another ipdata.bin; rebuild');
  const t = bucketed(r, n6!, 4);
  r.end();
  return new V6Table(t.starts, t.values, t.index);
}

/**
 * Views the whole tables in place (copying only what is not 4-byte aligned).
 * The IPv6 file can be given as a function, called on the first IPv6 lookup.
 * Throws on a foreign, damaged or mismatched file.
 */
export function decodeIpData(input: Uint8Array, v6: V6Source, published: PublishedTable): IpData {
  const r = readSections(input, MAGIC, 'ipdata.bin');
  const [n4, answers, m, k, orgLength, publishedCount] = r.header;
  if (publishedCount !== published.count) throw new Error(`ipdata.bin was built for ${publishedCount} published ranges, published.bin has ${published.count}: rebuild`);
  const t = bucketed(r, n4!, 1);
  const sections: IpDataSections = {
    v4: new V4Table(t.starts, t.values, t.index),
    answerNetwork: r.words(answers!),
    answerPublished: r.words(answers!),
    networkAsn: r.words(m!),
    networkOrg: r.words(m!),
    orgOffsets: r.words(k! + 1),
    orgBytes: r.bytes(orgLength!),
    tag: hashWords(r.header),
  };
  r.end();
  return new IpData(sections, v6, published);
}
