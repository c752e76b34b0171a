import type { BenchBrowser } from './launch.js';
import type { SiteTab } from './site-tab.js';
import { inTurn } from './stats.js';

// What is measured: the extension under test ("whoserves", or whatever --dist
// points at) and the bare baseline, each in a browser of its own; page loads
// also in a browser with no extension at all.

export type Who = 'whoserves' | 'bare';
export const EXTENSIONS: Who[] = ['whoserves', 'bare'];
export type Pair<T> = Record<Who, T>;

export interface Subject {
  browser: BenchBrowser;
  /** A tab showing the edge site, seen by the extension. */
  site: SiteTab;
}

/** Runs `measure` `runs` times on each subject, the two taking turns; its results by subject, in run order. */
export async function takeTurns<T>(subjects: Pair<Subject>, runs: number, measure: (subject: Subject, run: number) => Promise<T>): Promise<Pair<T[]>> {
  const results: Pair<T[]> = { whoserves: [], bare: [] };
  for (let run = 0; run < runs; run++) {
    for (const who of inTurn(run, EXTENSIONS)) results[who].push(await measure(subjects[who], run));
  }
  return results;
}

export const mapPair = <T, U>(pair: Pair<T>, f: (value: T) => U): Pair<U> => ({ whoserves: f(pair.whoserves), bare: f(pair.bare) });
