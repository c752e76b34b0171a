import { render } from 'preact';
import { App } from './App.js';
import { uiLocale } from './i18n.js';
import { startEarlyLookup } from './early-lookup.js';

const root = document.getElementById('app');
if (root !== null) {
  // Asked first; the popup renders once the lookup has something to show (early-lookup.ts).
  const early = startEarlyLookup();
  // The language of the messages actually shown, not whatever the browser prefers.
  document.documentElement.lang = uiLocale();
  early.then(
    (lookup) => render(<App opened={lookup.subject} early={lookup} />, root),
    (err: unknown) => render(<App opened={undefined} startProblem={err instanceof Error ? err.message : String(err)} />, root),
  );
}
