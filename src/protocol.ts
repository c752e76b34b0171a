import type { LookupOrigin, PopupModel } from './core/model/site-model.js';
import type { Phase } from './core/lookup/lookup-host.js';
import { isObject } from './core/is-object.js';
import { MAX_INPUT } from './core/limits.js';

// The one protocol between the popup and the background worker: what the
// popup may ask, what the worker answers, and the check every request passes.
// Transport (browser.runtime ports) is in messages.ts; this module is pure, so
// the checks run in tests and fuzzing as they run in the worker.

/** What the popup asks about: a tab (the toolbar button), or typed, linked or selected text. */
export type LookupSubject =
  /** The tab the popup was opened over; a lookup the context menu left waiting comes first. */
  | { kind: 'tab'; tabId: number; takePending: boolean }
  | { kind: 'input'; input: string; origin: Exclude<LookupOrigin, 'tab'> };

export interface LookupUpdate {
  phase: Phase;
  model: PopupModel;
}

export const LOOKUP_PORT = 'lookup';

const ORIGINS: readonly string[] = ['link', 'selection', 'page', 'search'];

/** Whether a request from the popup is one the worker can act on. */
export function isLookupSubject(p: unknown): p is LookupSubject {
  if (!isObject(p)) return false;
  if (p.kind === 'tab') return Number.isInteger(p.tabId) && (p.tabId as number) >= 0 && typeof p.takePending === 'boolean' && Object.keys(p).length === 3;
  if (p.kind === 'input') return typeof p.input === 'string' && p.input.length <= MAX_INPUT && typeof p.origin === 'string' && ORIGINS.includes(p.origin) && Object.keys(p).length === 3;
  return false;
}
