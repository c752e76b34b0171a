import browser from 'webextension-polyfill';
import { createEngine, type Engine } from '../core/engine.js';
import type { CompiledCatalogue } from '../core/catalogue/types.js';

let loading: Promise<Engine> | undefined;

/** The catalogue compiled by build.mjs, loaded once per worker life. */
export function loadEngine(): Promise<Engine> {
  loading ??= fetch(browser.runtime.getURL('data/catalogue.json'))
    .then((res) => {
      if (!res.ok) throw new Error(`catalogue.json: HTTP ${res.status}`);
      return res.json() as Promise<CompiledCatalogue>;
    })
    .then(createEngine)
    .catch((err: unknown) => {
      loading = undefined; // let the next caller try again
      throw err;
    });
  return loading;
}
