import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, type Row } from './report.js';

// The extension's script bundles, their sizes, and the issue-10 budgets for
// them: the one place those numbers live (test/unit/bundle-budgets.test.ts
// enforces them, `npm run bench:browser` prints them). Data files
// (dist/*/data) are not bundles and count against no budget here.

export const BUNDLES = ['background.js', 'content.js', 'popup.js', 'options.js'] as const;
export type Bundle = (typeof BUNDLES)[number];

export interface Budget {
  file: Bundle;
  /** Bytes. */
  limit: number;
  of: 'gzip' | 'raw';
  /** Having no such bundle at all meets the budget too. */
  absentMeets?: boolean;
  /** Bundles counted with it: what the same page loads. */
  with?: Bundle[];
}

export const BUNDLE_BUDGETS: Budget[] = [
  // What every popup opening parses.
  { file: 'popup.js', limit: 15 * 1024, of: 'gzip' },
  { file: 'background.js', limit: 40 * 1024, of: 'gzip' },
  { file: 'content.js', limit: 2 * 1024, of: 'raw', absentMeets: true },
];

export interface BundleSize {
  file: Bundle;
  /** Undefined when the build has no such file. */
  raw?: number;
  gzip?: number;
}

export function bundleSizes(dist: string): BundleSize[] {
  return BUNDLES.map((file) => {
    const path = join(dist, file);
    if (!existsSync(path)) return { file };
    const bytes = readFileSync(path);
    return { file, raw: bytes.length, gzip: gzipSync(bytes).length }; // zlib's default level, as servers and stores use
  });
}

export interface BudgetCheck {
  budget: Budget;
  /** The measured size the budget is about; undefined when the file is absent. */
  size: number | undefined;
  met: boolean;
}

export function checkBudgets(sizes: BundleSize[]): BudgetCheck[] {
  return BUNDLE_BUDGETS.map((budget) => {
    const sizeOf = (file: Bundle) => sizes.find((s) => s.file === file)?.[budget.of];
    const main = sizeOf(budget.file);
    const size = main === undefined ? undefined : (budget.with ?? []).reduce((sum, file) => sum + (sizeOf(file) ?? 0), main);
    return { budget, size, met: size === undefined ? budget.absentMeets === true : size <= budget.limit };
  });
}

export const budgetText = ({ limit, of, absentMeets, with: also }: Budget) => `≤ ${kb(limit)} ${of}${also === undefined ? '' : `, with ${also.join(', ')}`}${absentMeets === true ? ' (or absent)' : ''}`;

export function bundleRows(dist: string): Row[] {
  const sizes = bundleSizes(dist);
  const checks = checkBudgets(sizes);
  return sizes.map(({ file, raw, gzip }) => {
    const check = checks.find((c) => c.budget.file === file);
    return {
      measure: `bundle ${file}`,
      whoserves: raw === undefined || gzip === undefined ? 'absent' : `${kb(raw)} raw, ${kb(gzip)} gzip`,
      bare: '',
      comparison: '',
      target: check === undefined ? '' : budgetText(check.budget),
      ...(check === undefined ? {} : { met: check.met }),
    };
  });
}
