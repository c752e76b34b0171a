import { openLookup } from '../src/messages.js';
import type { LookupSubject, LookupUpdate } from '../src/protocol.js';
import type { PopupModel } from '../src/core/model/site-model.js';
import { activeTabSubject, subjectFromLocation } from './subject.js';
import { keptAnswer } from './kept-answer.js';

// The popup's first lookup, begun before the rest of the popup loads: boot.js
// (a few hundred bytes, the page's first script) starts it and the UI bundle
// takes it over, so a cold worker starts while the popup's own code and
// stylesheet load, not after. For a tab, the answer the worker kept for its
// page is read meanwhile and shown until the worker's first update.

export type LookupState =
  | { status: 'waiting' }
  | { status: 'ready'; model: PopupModel; finished: boolean }
  /** The worker went away before the lookup finished (the browser stopped it): what arrived stays, with a retry. */
  | { status: 'interrupted'; model?: PopupModel };

/** One lookup port's state as updates arrive, with whoever is listening told of each. */
export interface Lookup {
  readonly subject: LookupSubject;
  state: LookupState;
  /** Its port is closed: a retry or a new subject needs a new lookup. */
  closed: boolean;
  listen(onChange: (state: LookupState) => void): void;
  close(): void;
}

/** Opens the port for `subject` at once, keeping what arrives until someone listens. */
export function beginLookup(subject: LookupSubject): Lookup {
  let onChange: (state: LookupState) => void = () => undefined;
  const lookup: Lookup = {
    subject,
    state: { status: 'waiting' },
    closed: false,
    listen(fn) {
      onChange = fn;
      fn(lookup.state);
    },
    close: () => undefined,
  };
  const set = (state: LookupState) => {
    lookup.state = state;
    onChange(state);
  };
  try {
    const close = openLookup(
      subject,
      (update: LookupUpdate) => {
        set({ status: 'ready', model: update.model, finished: update.phase === 'done' });
      },
      (finished) => {
        // What arrived stays: the model of the last update, if any.
        if (!finished) set(lookup.state.status === 'ready' ? { status: 'interrupted', model: lookup.state.model } : { status: 'interrupted' });
      },
    );
    lookup.close = () => {
      lookup.closed = true;
      close();
    };
  } catch {
    set({ status: 'interrupted' });
  }
  // What the worker kept for the tab shows until its first update comes (a stopped worker takes a while to wake).
  if (subject.kind === 'tab') {
    void keptAnswer(subject).then((model) => {
      if (model === undefined) return;
      if (lookup.state.status === 'waiting') set({ status: 'ready', model, finished: false });
      else if (lookup.state.status === 'interrupted' && lookup.state.model === undefined) set({ status: 'interrupted', model });
    });
  }
  return lookup;
}

/** What the popup is about: named in its URL, or the active tab. */
export function startEarlyLookup(): Promise<Lookup> {
  const named = subjectFromLocation(location.search);
  return named !== undefined ? Promise.resolve(beginLookup(named)) : activeTabSubject().then(beginLookup);
}

const EARLY = Symbol.for('whoserves.earlyLookup');
type EarlyScope = { [EARLY]?: Promise<Lookup> };

/** Hands the lookup boot.js began to the UI bundle (a separate script, so through the page's global scope). */
export function publishEarly(lookup: Promise<Lookup>): void {
  (globalThis as EarlyScope)[EARLY] = lookup;
}

/** The lookup boot.js began, taken once. */
export function takeEarly(): Promise<Lookup> | undefined {
  const scope = globalThis as EarlyScope;
  const early = scope[EARLY];
  delete scope[EARLY];
  return early;
}
