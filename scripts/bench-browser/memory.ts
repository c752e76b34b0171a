import type { Cdp } from './cdp.js';
import type { BenchBrowser } from './launch.js';
import { closeTab, navigate, openTab } from './tab.js';
import { attachWorker, detach, stopWorker } from './worker.js';
import { popupTime } from './popup.js';
import { resourcePageUrl } from './resource-page.js';
import { mb, type Row } from './report.js';
import { mapPair, takeTurns, type Pair, type Subject } from './subjects.js';

/*
 * Worker memory, from CDP Runtime.getHeapUsage on the worker after a forced
 * garbage collection (HeapProfiler.collectGarbage), so it is what the worker
 * keeps, not garbage it has yet to collect. "Data" is the V8 heap in use plus
 * the backing stores of ArrayBuffers and external strings (where loaded
 * tables live); Blink's own heap in the worker (the embedder heap: objects
 * such as fetch Responses and events) is shown beside it.
 * Measured (1) right after a cold wake (worker and process stopped) and one
 * popup, and (2) after LOADS page loads of the 50-resource page, whoserves'
 * and bare's browsers loading side by side (memory does not mind sharing the
 * machine; it halves the wait).
 */

const LOADS = 300;
const WAKES = 3;
const DATA_LIMIT = 2 * 1024 * 1024;

interface Heap {
  /** V8 heap in use + ArrayBuffer and external-string backing stores. */
  data: number;
  embedder: number;
  /** When this worker started: a different value means it restarted. */
  startedAt: number;
}

async function workerHeap(cdp: Cdp): Promise<Heap> {
  const worker = await attachWorker(cdp);
  try {
    await cdp.send('HeapProfiler.collectGarbage', undefined, worker);
    const usage = await cdp.send('Runtime.getHeapUsage', undefined, worker);
    return { data: usage.usedSize + usage.backingStorageSize, embedder: usage.embedderHeapUsedSize, startedAt: await cdp.evaluate<number>(worker, 'performance.timeOrigin') };
  } finally {
    await detach(cdp, worker);
  }
}

async function afterLoads(browser: BenchBrowser): Promise<{ before: Heap; after: Heap }> {
  const before = await workerHeap(browser.cdp);
  const tab = await openTab(browser.cdp);
  for (let i = 0; i < LOADS; i++) await navigate(browser.cdp, tab, resourcePageUrl(1_000_000 + i), 'load');
  await closeTab(browser.cdp, tab);
  return { before, after: await workerHeap(browser.cdp) };
}

const heapText = (h: Heap) => `${mb(h.data)} (+ Blink ${mb(h.embedder)})`;
const medianHeap = (heaps: Heap[]) => [...heaps].sort((a, b) => a.data - b.data)[Math.floor(heaps.length / 2)]!;

export async function measureMemory(subjects: Pair<Subject>): Promise<Row[]> {
  const wakes = await takeTurns(subjects, WAKES, async ({ browser, site }) => {
    await stopWorker(browser, site.tab);
    await popupTime(browser, site.tabId);
    return workerHeap(browser.cdp);
  });
  const wake = mapPair(wakes, medianHeap);
  const [ours, bare] = await Promise.all([afterLoads(subjects.whoserves.browser), afterLoads(subjects.bare.browser)]);
  const loadsText = ({ before, after }: { before: Heap; after: Heap }) =>
    `${heapText(after)}; before: ${mb(before.data)}${after.startedAt === before.startedAt ? '' : ' (the worker restarted in between)'}`;
  return [
    {
      measure: `worker data resident after a cold wake + one popup (JS heap + ArrayBuffers, after GC; median of ${WAKES})`,
      whoserves: heapText(wake.whoserves),
      bare: heapText(wake.bare),
      comparison: `+${mb(wake.whoserves.data - wake.bare.data)} over bare`,
      target: `≤ ${mb(DATA_LIMIT)}`,
      met: wake.whoserves.data <= DATA_LIMIT,
    },
    {
      measure: `worker data after ${LOADS} page loads (the same measure)`,
      whoserves: loadsText(ours),
      bare: loadsText(bare),
      comparison: `+${mb(ours.after.data - bare.after.data)} over bare`,
      target: '',
    },
  ];
}
