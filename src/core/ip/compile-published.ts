import type { CompiledRangeList } from '../catalogue/types.js';
import { pack } from './binary-sections.js';
import { segmentArrays, type RangeInput, type SegmentArrays } from './build-intervals.js';
import { parseCidr } from './parse-ip.js';
import { MAGIC_PUBLISHED, V6_PREFIX } from './published-table.js';

// Build time: the catalogue's published ranges into published.bin (format in
// published-table.ts).

export interface CompiledPublished {
  file: Uint8Array;
  /** The IPv4 segments, which the CLI's whole table folds into its one IPv4 lookup. */
  v4: SegmentArrays;
  count: number;
}

export function compilePublished(lists: readonly CompiledRangeList[]): CompiledPublished {
  const pub4: RangeInput[] = [];
  const pub6: RangeInput[] = [];
  const prefixes: number[] = [];
  for (const list of lists) {
    for (const cidr of list.cidrs) {
      const parsed = parseCidr(cidr);
      if (parsed === undefined) throw new Error(`${list.file}: bad CIDR ${cidr}`);
      const value = prefixes.length + 1;
      const prefix = Number(cidr.slice(cidr.indexOf('/') + 1));
      if (parsed.version === 4) {
        pub4.push({ first: parsed.first, last: parsed.last, value });
        prefixes.push(prefix);
      } else {
        pub6.push({ first: parsed.first, last: parsed.last, value });
        prefixes.push(V6_PREFIX + prefix);
      }
    }
  }
  const v4 = segmentArrays(pub4, 4);
  const v6 = segmentArrays(pub6, 6);
  const file = pack(MAGIC_PUBLISHED, [prefixes.length, v4.values.length, v6.values.length], [v4.starts, v4.values, v6.starts, v6.values], [Uint8Array.from(prefixes)]);
  return { file, v4, count: prefixes.length };
}
