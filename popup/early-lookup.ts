import { openLookup } from '../src/messages.js';
import type { LookupSubject, LookupUpdate } from '../src/protocol.js';
import type { PopupModel } from '../src/core/model/site-model.js';
import { activeTabSubject, subjectFromLocation } from './subject.js';
import { keptAnswer } from './kept-answer.js';

// The popup's first lookup, begun before its first render, which takes it
// over (use-lookup.ts).
//
// For a tab, the answer the worker kept for its page is read first, straight
// from storage.session. When there is one, it is shown, and the port (which
// wakes the worker and starts the live lookup) opens once it has been
// painted: on a 2-core machine the worker's start and the lookup's requests
// otherwise share the processor with the popup's first paint, which then
// came ~15 ms later, warm or cold (bench:browser). The live answer follows a
// frame later instead, and it waits on the network anyway.

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
  /** Settles once the lookup has its first state: for a tab, once the kept answer has been read (and shown, if any). */
  readonly started: Promise<void>;
  /** The answer shown has been painted: the live lookup may start, if it waits for that. */
  painted(): void;
  close(): void;
}

/** The live lookup starts by then even if the kept answer was never painted (its render threw, say). */
const PAINT_WAIT_MS = 300;
/** The popup renders by then even if storage has not answered (startEarlyLookup). */
const FIRST_RENDER_WAIT_MS = 100;

/** Begins the lookup of `subject`, keeping what arrives until someone listens. */
export function beginLookup(subject: LookupSubject): Lookup {
  let onChange: (state: LookupState) => void = () => undefined;
  let closePort: (() => void) | undefined;
  let started = Promise.resolve();
  const lookup: Lookup = {
    subject,
    state: { status: 'waiting' },
    closed: false,
    listen(fn) {
      onChange = fn;
      fn(lookup.state);
    },
    get started() {
      return started;
    },
    painted: () => open(),
    close() {
      lookup.closed = true;
      closePort?.();
    },
  };
  const set = (state: LookupState) => {
    lookup.state = state;
    onChange(state);
  };
  // What arrived stays: the model of the last update (or the kept answer), if any, with a retry.
  const interrupt = () => set(lookup.state.status === 'ready' ? { status: 'interrupted', model: lookup.state.model } : { status: 'interrupted' });
  const open = () => {
    if (closePort !== undefined || lookup.closed) return;
    closePort = () => undefined;
    try {
      closePort = openLookup(
        subject,
        (update: LookupUpdate) => set({ status: 'ready', model: update.model, finished: update.phase === 'done' }),
        (finished) => {
          if (!finished) interrupt();
        },
      );
    } catch {
      interrupt();
    }
  };
  if (subject.kind !== 'tab') open();
  else {
    started = keptAnswer(subject).then((model) => {
      if (model === undefined || lookup.state.status !== 'waiting') return open();
      set({ status: 'ready', model, finished: false });
      setTimeout(open, PAINT_WAIT_MS);
    });
  }
  return lookup;
}

/**
 * The lookup of what the popup is about (named in its URL, or the active
 * tab), once it has its first state. The popup renders only then: in a
 * process that has just started, rendering the loading state first took
 * 10–17 ms of the main thread (its code compiles as it first runs), and the
 * kept answer, read meanwhile, waited behind it (bench:browser timelines).
 */
export async function startEarlyLookup(): Promise<Lookup> {
  const lookup = beginLookup(subjectFromLocation(location.search) ?? (await activeTabSubject()));
  await Promise.race([lookup.started, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
  return lookup;
}
