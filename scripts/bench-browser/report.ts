import { median, pairedRatios, summary } from './stats.js';
import type { Pair } from './subjects.js';

/** One line of the final table. */
export interface Row {
  measure: string;
  whoserves: string;
  bare: string;
  /** The comparison the target is about, e.g. the paired median ratio. */
  comparison: string;
  target: string;
  /** Undefined where there is no target. */
  met?: boolean;
}

/** "min / median / max unit", whole units. */
export function range(xs: number[], unit: string): string {
  const { min, median, max } = summary(xs);
  return `${min.toFixed(0)} / ${median.toFixed(0)} / ${max.toFixed(0)} ${unit}`;
}

/** "2.31× (1.80–3.02)": the median of paired ratios, with their spread. */
export function ratio(ratios: number[]): string {
  return `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const cell = (s: string) => s.replaceAll('|', '\\|');

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| measure | whoserves | bare extension | comparison | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.measure, r.whoserves, r.bare, r.comparison, r.target, r.met === undefined ? '' : r.met ? 'met' : '**not met**'].map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/**
 * A row comparing whoserves with the bare extension run by run: both ranges,
 * the median of paired ratios, and, given `limit`, whether it is at most that.
 */
export function pairedRow(measure: string, samples: Pair<number[]>, unit: string, limit?: number): Row {
  const ratios = pairedRatios(samples.whoserves, samples.bare);
  return {
    measure,
    whoserves: range(samples.whoserves, unit),
    bare: range(samples.bare, unit),
    comparison: `${ratio(ratios)} bare`,
    target: limit === undefined ? '' : `≤ ${limit}× bare`,
    ...(limit === undefined ? {} : { met: median(ratios) <= limit }),
  };
}
