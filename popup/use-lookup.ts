import { useEffect, useState } from 'preact/hooks';
import { openLookup } from '../src/messages.js';
import type { LookupSubject } from '../src/protocol.js';
import type { PopupModel } from '../src/core/model/site-model.js';

export type LookupState =
  | { status: 'waiting' }
  | { status: 'ready'; model: PopupModel; finished: boolean }
  /** The worker went away before the lookup finished (the browser stopped it): what arrived stays, with a retry. */
  | { status: 'interrupted'; model?: PopupModel };

/**
 * One port per lookup: the worker sends the model as each step lands, and the
 * popup renders each. Changing the subject or retrying opens a new port.
 */
export function useLookup(subject: LookupSubject | undefined, attempt: number): LookupState {
  const [state, setState] = useState<LookupState>({ status: 'waiting' });
  useEffect(() => {
    if (subject === undefined) return undefined;
    setState({ status: 'waiting' });
    let latest: PopupModel | undefined;
    let active = true;
    let close: (() => void) | undefined;
    try {
      close = openLookup(
        subject,
        (update) => {
          latest = update.model;
          if (active) setState({ status: 'ready', model: update.model, finished: update.phase === 'done' });
        },
        (finished) => {
          if (active && !finished) setState(latest === undefined ? { status: 'interrupted' } : { status: 'interrupted', model: latest });
        },
      );
    } catch {
      setState({ status: 'interrupted' });
    }
    return () => {
      active = false;
      close?.();
    };
  }, [subject, attempt]);
  return state;
}
