import { render } from 'preact';
import { App } from './App.js';
import { uiLocale } from './i18n.js';
import { startEarlyLookup, takeEarly } from './early-lookup.js';

const root = document.getElementById('app');
if (root !== null) {
  // The language of the messages actually shown, not whatever the browser prefers.
  document.documentElement.lang = uiLocale();
  // boot.js has already asked the worker; this takes that lookup over.
  (takeEarly() ?? startEarlyLookup()).then(
    (lookup) => render(<App opened={lookup.subject} early={lookup} />, root),
    (err: unknown) => render(<App opened={undefined} startProblem={err instanceof Error ? err.message : String(err)} />, root),
  );
}
