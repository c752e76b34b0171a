import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LookupSubject } from '../src/protocol.js';
import { beginLookup, type Lookup, type LookupState } from './early-lookup.js';

/**
 * One port per lookup: the worker sends the model as each step lands, and the
 * popup renders each. Changing the subject or retrying opens a new port; the
 * lookup begun before the first render (`early`) is taken over if it is for
 * the same subject. It listens as soon as it is rendered (a layout effect):
 * an answer that arrives just after the first render then shows in the same
 * task, where a plain effect would have waited for the next frame (one in
 * two popups in bench:browser, 5–10 ms). Once an answer has been painted
 * (plain effects run after the paint), the lookup is told, so one waiting to
 * start its port can.
 */
export function useLookup(subject: LookupSubject | undefined, attempt: number, early?: Lookup): LookupState {
  const adopt = (s: LookupSubject | undefined) => (early !== undefined && !early.closed && early.subject === s ? early : undefined);
  const [state, setState] = useState<LookupState>(adopt(subject)?.state ?? { status: 'waiting' });
  const current = useRef<Lookup | undefined>(undefined);
  useLayoutEffect(() => {
    if (subject === undefined) return undefined;
    const lookup = (attempt === 0 ? adopt(subject) : undefined) ?? beginLookup(subject);
    current.current = lookup;
    let active = true;
    lookup.listen((s) => {
      if (active) setState(s);
    });
    return () => {
      active = false;
      lookup.close();
    };
  }, [subject, attempt]);
  useEffect(() => {
    if (state.status !== 'waiting') current.current?.painted();
  }, [state]);
  return state;
}
