import { providerInfo, type Engine, type ProviderInfo } from './engine.js';
import type { Report } from './types.js';
import type { UninspectableReason } from './page-target.js';
import { classify } from './classify.js';
import { toObservation, type SeenResponse } from './observation-record.js';

// The popup's model: exactly one of these states, computed where the data is
// (the worker) so the popup only renders.

export type View =
  | { state: 'uninspectable'; reason: UninspectableReason }
  /** A lookup whose input names no host (a mailto: link, a word). */
  | { state: 'not-a-host'; input: string }
  /** The page was loaded before whoserves could watch (installed or updated since): a reload fixes it. */
  | { state: 'unseen'; host: string; domain?: string; canReload: boolean }
  /** The page is known but no network response was seen (restored from the back/forward cache, or served by a service worker). */
  | { state: 'no-response'; host: string; domain?: string }
  | { state: 'report'; host: string; domain?: string; seen: Omit<SeenResponse, 'headers' | 'cookieNames'>; report: Report; providers: Record<string, ProviderInfo> };

export function reportView(engine: Engine, seen: SeenResponse, domain?: string): View {
  const report = classify(engine, toObservation(seen));
  const providers: Record<string, ProviderInfo> = {};
  for (const p of report.providers) providers[p.id] = providerInfo(engine, p.id, p.name);
  const { headers: _h, cookieNames: _c, ...summary } = seen;
  const view: View = { state: 'report', host: seen.host, seen: summary, report, providers };
  if (domain !== undefined) view.domain = domain;
  return view;
}
