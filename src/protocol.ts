import type { LookupOrigin, PopupModel, SiteModel } from './core/model/site-model.js';
import type { Phase } from './core/lookup/lookup-host.js';
import { isObject } from './core/is-object.js';
import { MAX_INPUT } from './core/limits.js';

// The one protocol between the popup and the background worker: what the
// popup may ask, what the worker answers, what the worker leaves for the
// popup in storage.session, and the checks each passes. Transport
// (browser.runtime ports) is in messages.ts; this module is pure, so the
// checks run in tests and fuzzing as they run in the worker.

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

/**
 * The first answer for the document a tab shows, kept by the worker in
 * storage.session under KEPT_ANSWER_PREFIX + tabId once the tab has stayed on
 * it, so a popup opened over the tab shows it while a stopped worker wakes. It is the
 * update the lookup would send first, for the document at `url` (no fragment).
 */
export interface KeptAnswer {
  url: string;
  model: SiteModel;
}

export const KEPT_ANSWER_PREFIX = 'answer:';

/** Where the context menu leaves a lookup for the popup (a popup that finds one shows it, not the tab). */
export const PENDING_LOOKUP_PREFIX = 'pending:';
export const PENDING_LOOKUP_KEY = 'lookup';

/** Whether a stored value has a kept answer's shape (storage.session is the extension's alone; this guards against a format from another version). */
export function isKeptAnswer(v: unknown): v is KeptAnswer {
  if (!isObject(v) || typeof v.url !== 'string' || !isObject(v.model)) return false;
  const { model } = v;
  return model.kind === 'site' && model.phase === 'seen' && isObject(model.lookup) && isObject(model.providers);
}
