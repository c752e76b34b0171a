import { render, type ComponentChild } from 'preact';
import { App } from './App.js';
import { uiLocale } from './i18n.js';
import { startEarlyLookup } from './early-lookup.js';

// Asked first; the popup renders once the lookup has something to show (early-lookup.ts).
const early = startEarlyLookup();
// The language of the messages actually shown, not whatever the browser prefers.
document.documentElement.lang = uiLocale();

// This script runs in the page's head (build.mjs), before the body it renders into exists.
const parsed = new Promise<void>((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  else resolve();
});
const show = (app: ComponentChild) =>
  parsed.then(() => {
    const root = document.getElementById('app');
    if (root !== null) render(app, root);
  });

early.then(
  (lookup) => show(<App opened={lookup.subject} early={lookup} />),
  (err: unknown) => show(<App opened={undefined} startProblem={err instanceof Error ? err.message : String(err)} />),
);
