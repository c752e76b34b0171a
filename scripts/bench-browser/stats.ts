// Summaries of repeated measurements. Absolute numbers swing with the machine;
// the paired ratios (run i of one browser against run i of the other, taken
// moments apart) are what carry over.

export interface Summary {
  min: number;
  median: number;
  max: number;
  n: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function summary(xs: number[]): Summary {
  if (xs.length === 0) throw new Error('no measurements');
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs), n: xs.length };
}

/** Run-by-run ratios a[i] / b[i]. */
export function pairedRatios(a: number[], b: number[]): number[] {
  if (a.length !== b.length) throw new Error(`unpaired: ${a.length} against ${b.length} runs`);
  return a.map((x, i) => x / b[i]!);
}

/** The items in turn-dependent order (rotated by `turn`), so no one always goes first in a paired run. */
export function inTurn<T>(turn: number, items: readonly T[]): T[] {
  const k = turn % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
