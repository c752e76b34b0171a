import { useEffect, useState } from 'preact/hooks';
import { openLookup } from '../src/messages.js';
import type { LookupSubject, LookupUpdate } from '../src/protocol.js';
import type { PopupModel } from '../src/core/model/site-model.js';

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

/**
 * Opens the port for `subject` at once. The popup begins its first lookup
 * before its first render, so a cold worker wakes while Preact renders
 * instead of after the first frame (when effects run).
 */
export function beginLookup(subject: LookupSubject): Lookup {
  let onChange: (state: LookupState) => void = () => undefined;
  let latest: PopupModel | undefined;
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
        latest = update.model;
        set({ status: 'ready', model: update.model, finished: update.phase === 'done' });
      },
      (finished) => {
        if (!finished) set(latest === undefined ? { status: 'interrupted' } : { status: 'interrupted', model: latest });
      },
    );
    lookup.close = () => {
      lookup.closed = true;
      close();
    };
  } catch {
    set({ status: 'interrupted' });
  }
  return lookup;
}

/**
 * One port per lookup: the worker sends the model as each step lands, and the
 * popup renders each. Changing the subject or retrying opens a new port; the
 * lookup begun before the first render (`early`) is taken over if it is for
 * the same subject.
 */
export function useLookup(subject: LookupSubject | undefined, attempt: number, early?: Lookup): LookupState {
  const adopt = (s: LookupSubject | undefined) => (early !== undefined && !early.closed && early.subject === s ? early : undefined);
  const [state, setState] = useState<LookupState>(adopt(subject)?.state ?? { status: 'waiting' });
  useEffect(() => {
    if (subject === undefined) return undefined;
    const lookup = (attempt === 0 ? adopt(subject) : undefined) ?? beginLookup(subject);
    let active = true;
    lookup.listen((s) => {
      if (active) setState(s);
    });
    return () => {
      active = false;
      lookup.close();
    };
  }, [subject, attempt]);
  return state;
}
