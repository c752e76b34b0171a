import browser from 'webextension-polyfill';
import { createEngine, type Engine } from '../core/engine.js';
import type { CatalogueFile } from '../core/catalogue/types.js';
import { decodeIpData } from '../core/ip/ip-data.js';
import { decodePublished } from '../core/ip/published-table.js';

let loading: Promise<Engine> | undefined;

async function asset(name: string): Promise<Response> {
  const res = await fetch(browser.runtime.getURL(`data/${name}`));
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res;
}

/** The catalogue and IP tables compiled by build.mjs, loaded once per worker life. */
export function loadEngine(): Promise<Engine> {
  const bytes = (name: string) => asset(name).then(async (r) => new Uint8Array(await r.arrayBuffer()));
  // The worker fetches both IP files up front: its lookups are synchronous, and a browser does meet IPv6.
  loading ??= Promise.all([asset('catalogue.json').then((r) => r.json() as Promise<CatalogueFile>), bytes('published.bin'), bytes('ipdata.bin'), bytes('ipdata6.bin')])
    .then(([catalogue, published, main, v6]) => createEngine(catalogue, decodeIpData(main, v6, decodePublished(published))))
    .catch((err: unknown) => {
      loading = undefined; // let the next caller try again
      throw err;
    });
  return loading;
}
