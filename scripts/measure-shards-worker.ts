// The service worker of the measuring extension scripts/measure-shards.ts
// builds: the worker's own loading code paths (core, fetch to arrayBuffer;
// the whole tables it used to read, through a Blob as it did),
// timed inside Chromium's extension worker. Each data layout sits in its own
// directory of the extension.
import { createEngine } from '../src/core/engine.js';
import type { CatalogueFile } from '../src/core/catalogue/types.js';
import { decodeIpData } from '../src/core/ip/ip-data.js';
import { decodePublished } from '../src/core/ip/published-table.js';
import { SHARD_DIR, SHARD_INDEX, ShardedIpData, decodeShardIndex } from '../src/core/ip/network-shards.js';

const bytes = async (path: string) => new Uint8Array(await (await fetch(path)).arrayBuffer());
// How the worker read the whole tables (several MB each), 1.5–1.7× faster than arrayBuffer() at that size:
// the baseline keeps its own best path.
const bytesViaBlob = async (path: string) => new Uint8Array(await (await (await fetch(path)).blob()).arrayBuffer());
const json = async (path: string) => (await fetch(path)).json() as Promise<CatalogueFile>;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;

/** What a wake loads with shards: the catalogue, the published ranges and the shard index. */
async function wake(dir: string) {
  const [catalogue, published, index] = await Promise.all([json(`${dir}/catalogue.json`), bytes(`${dir}/published.bin`), bytes(`${dir}/${SHARD_DIR}/${SHARD_INDEX}`)]);
  const table = decodePublished(published);
  const shardIndex = decodeShardIndex(index);
  const fetchTimes: number[] = [];
  const sharded = () =>
    createEngine(catalogue, new ShardedIpData(shardIndex, table, async (name) => {
      const t = performance.now();
      const b = await bytes(`${dir}/${SHARD_DIR}/${name}`);
      fetchTimes.push(performance.now() - t);
      return b;
    }));
  return { sharded, fetchTimes, wakeBytes: published.byteLength + index.byteLength };
}

const api = {
  /** Median ms of a wake with shards (the first, in a fresh worker, is the cold one). */
  async wake(dir: string, runs: number): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await wake(dir);
      times.push(performance.now() - t);
    }
    return median(times);
  },

  /** Median ms of loading the whole tables, with the given catalogue file (the CLI's files, as the worker used to load them). */
  async whole(dir: string, catalogueFile: string, runs: number): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const [catalogue, published, main, v6] = await Promise.all([json(`${dir}/${catalogueFile}`), bytesViaBlob(`${dir}/published.bin`), bytesViaBlob(`${dir}/ipdata.bin`), bytesViaBlob(`${dir}/ipdata6.bin`)]);
      createEngine(catalogue, decodeIpData(main, v6, decodePublished(published)));
      times.push(performance.now() - t);
    }
    return median(times);
  },

  /**
   * For each address, with an empty shard cache: ms for prepare() (address
   * shard, then names shard) and the shard bytes it left loaded; and the
   * data resident after one IPv4 and one IPv6 lookup.
   */
  async lookups(dir: string, ips: string[], pair: [string, string]): Promise<{ prepareMs: number; fetchMs: number; shardBytes: number; residentAfterPair: number }> {
    const { sharded, fetchTimes, wakeBytes } = await wake(dir);
    const times: number[] = [];
    const loaded: number[] = [];
    for (const ip of ips) {
      const engine = sharded();
      const t = performance.now();
      await engine.prepare([ip]);
      times.push(performance.now() - t);
      loaded.push(engine.ip.residentBytes);
    }
    const engine = sharded();
    for (const ip of pair) await engine.prepare([ip]);
    return { prepareMs: median(times), fetchMs: median(fetchTimes), shardBytes: median(loaded), residentAfterPair: wakeBytes + engine.ip.residentBytes };
  },
};

Object.assign(globalThis, { measure: api });
export type MeasureApi = typeof api;
