import browser from 'webextension-polyfill';
import { createEngine, type Engine } from '../core/engine.js';
import type { CompiledCatalogue } from '../core/catalogue/types.js';
import { decodeIpData } from '../core/ip/ip-data.js';

let loading: Promise<Engine> | undefined;

async function asset(name: string): Promise<Response> {
  const res = await fetch(browser.runtime.getURL(`data/${name}`));
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res;
}

/** The catalogue and IP tables compiled by build.mjs, loaded once per worker life. */
export function loadEngine(): Promise<Engine> {
  loading ??= Promise.all([asset('catalogue.json').then((r) => r.json() as Promise<CompiledCatalogue>), asset('ipdata.bin').then((r) => r.arrayBuffer())])
    .then(([catalogue, ipdata]) => createEngine(catalogue, decodeIpData(new Uint8Array(ipdata))))
    .catch((err: unknown) => {
      loading = undefined; // let the next caller try again
      throw err;
    });
  return loading;
}
