import { segmentArrays, type RangeInput, type SegmentArrays } from './build-intervals.js';
import type { Network } from './ip-tables.js';

// Build time: @ip-location-db/asn's ranges into segments valued by network,
// numbered once for every file made from them (the CLI's whole tables and the
// extension's shards), so a network index means the same everywhere.

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

export interface NetworkTables {
  /** Each (ASN, organisation) pair once; segment values are its index + 1, 0 where nothing is announced. */
  networks: Network[];
  v4: SegmentArrays;
  v6: SegmentArrays;
}

export function compileNetworks(v4Rows: readonly AsnRow[], v6Rows: readonly AsnRow[]): NetworkTables {
  const byKey = new Map<string, number>();
  const networks: Network[] = [];
  const toRanges = (rows: readonly AsnRow[]): RangeInput[] =>
    rows.map((row) => {
      const key = `${row.asn}\u0000${row.org}`;
      let index = byKey.get(key);
      if (index === undefined) {
        index = networks.length;
        byKey.set(key, index);
        networks.push({ asn: row.asn, org: row.org });
      }
      return { first: row.first, last: row.last, value: index + 1 };
    });
  return { networks, v4: segmentArrays(toRanges(v4Rows), 4), v6: segmentArrays(toRanges(v6Rows), 6) };
}
