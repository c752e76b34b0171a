import { ext as browser } from '../native-browser.js';
import { createEngine, type Engine } from '../core/engine.js';
import type { CatalogueFile } from '../core/catalogue/types.js';
import { localeFor } from '../core/locales.js';
import { decodePublished } from '../core/ip/published-table.js';
import { SHARD_DIR, SHARD_INDEX, ShardedIpData, decodeShardIndex } from '../core/ip/network-shards.js';
import { publicSuffixes, type PublicSuffixData } from '../core/public-suffixes.js';
import { usePublicSuffixes } from '../core/registrable-domain.js';
import { loadOnce } from './load-once.js';

async function asset(name: string): Promise<Response> {
  const res = await fetch(browser.runtime.getURL(`data/${name}`));
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res;
}

// Straight from the response: the worker reads no file over 220 KB, and for
// those a Blob's extra trip through the browser made a cold wake's files
// arrive 1–2 ms later (it paid off only for files of several megabytes).
const bytes = (name: string) => asset(name).then(async (r) => new Uint8Array(await r.arrayBuffer()));

/**
 * The catalogue (its notes in the browser's language only) and the published
 * ranges (what the badge needs), loaded once per worker life; the network
 * shards are fetched by the engine's prepare() for the addresses asked about.
 */
export const loadEngine: () => Promise<Engine> = loadOnce(() =>
  Promise.all([asset(`catalogue.${localeFor(browser.i18n.getUILanguage())}.json`).then((r) => r.json() as Promise<CatalogueFile>), bytes('published.bin'), bytes(`${SHARD_DIR}/${SHARD_INDEX}`)]).then(([catalogue, published, index]) =>
    createEngine(catalogue, new ShardedIpData(decodeShardIndex(index), decodePublished(published), (name) => bytes(`${SHARD_DIR}/${name}`))),
  ),
);

/** The Public Suffix List, loaded for lookups only: recording and the badge never need it. */
export const loadPublicSuffixes: () => Promise<void> = loadOnce(() =>
  asset('psl.json')
    .then((r) => r.json() as Promise<PublicSuffixData>)
    .then((data) => usePublicSuffixes(publicSuffixes(data))),
);
