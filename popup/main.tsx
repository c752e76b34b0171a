import { render } from 'preact';
import { App } from './App.js';
import { activeTabSubject, subjectFromLocation } from './subject.js';
import type { LookupSubject } from '../src/protocol.js';
import { uiLocale } from './i18n.js';
import { beginLookup } from './use-lookup.js';

const root = document.getElementById('app');
if (root !== null) {
  // The language of the messages actually shown, not whatever the browser prefers.
  document.documentElement.lang = uiLocale();
  // The worker is asked before the first render: on a cold start it wakes while the popup renders.
  const start = (subject: LookupSubject) => render(<App opened={subject} early={beginLookup(subject)} />, root);
  const named = subjectFromLocation(location.search);
  if (named !== undefined) start(named);
  else activeTabSubject().then(start, (err: unknown) => render(<App opened={undefined} startProblem={err instanceof Error ? err.message : String(err)} />, root));
}
