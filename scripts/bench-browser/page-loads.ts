import type { SiteServer } from '../../test/e2e/harness/sites.js';
import type { BenchBrowser } from './launch.js';
import { navigate, openTab, closeTab, type Tab } from './tab.js';
import { browserCpuMs, extensionProcess, processCpuMs, workerThread } from './process-tree.js';
import { resourcePageUrl } from './resource-page.js';
import { inTurn, median, pairedRatios } from './stats.js';
import { pairedRow, range, ratio, type Row } from './report.js';
import type { Who } from './subjects.js';

/*
 * Page loads of the 50-resource page (resource-page.ts), whoserves, bare and
 * no extension taking turns, each in its own browser, `loads` of each:
 * - loadEventEnd, from the page's navigation timing;
 * - browser CPU per load: utime + stime (+ reaped children) of every process
 *   of that browser, from /proc, across the load and SETTLE_MS after it (the
 *   extension's work that follows a load: content script report, coalesced
 *   storage writes); /proc counts in 10 ms ticks per process, so single
 *   loads are coarse and the medians are what to read;
 * - worker CPU per response: the CPU time of the extension worker's thread
 *   (/proc schedstat, exact, and no profiler attached to slow it) over the
 *   same window, divided by the responses the site server sent in it (the
 *   document, its 50 resources, a favicon). A sample is dropped if the worker
 *   restarted in between. The bare extension's figure is what the browser
 *   spends delivering each response to a listener that does nothing, so what
 *   whoserves adds is shown apart. The whole extension process (IPC, GC
 *   helpers) is shown beside it, in ticks.
 */

const SETTLE_MS = 600;
const WORKER_LIMIT_US = 50;
const WARM_UP_LOADS = 2;

type Browsers = Record<Who | 'none', BenchBrowser>;

interface WorkerCpu {
  /** The worker's thread: a new one means the worker restarted. */
  tid: number;
  ns: number;
  /** The whole extension process. */
  processMs: number;
}

interface LoadSample {
  loadEventEnd: number;
  browserCpuMs: number;
  responses: number;
  /** Undefined without an extension, or when its worker was not running throughout. */
  worker?: { ns: number; processMs: number };
}

const LOAD_EVENT_END = `new Promise((resolve) => {
  const check = () => {
    const [entry] = performance.getEntriesByType('navigation');
    if (entry !== undefined && entry.loadEventEnd > 0) resolve(entry.loadEventEnd);
    else setTimeout(check, 5);
  };
  check();
})`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function workerCpu(browser: BenchBrowser): WorkerCpu | undefined {
  const pid = browser.extensionId === undefined ? undefined : extensionProcess(browser.pid);
  const thread = pid === undefined ? undefined : workerThread(pid);
  return pid === undefined || thread === undefined ? undefined : { ...thread, processMs: processCpuMs(pid) };
}

async function load(browser: BenchBrowser, tab: Tab, url: string, sites: SiteServer): Promise<LoadSample> {
  const before = { cpu: browserCpuMs(browser.pid), worker: workerCpu(browser), responses: sites.requests.length };
  await navigate(browser.cdp, tab, url, 'load');
  const loadEventEnd = await browser.cdp.evaluate<number>(tab.sessionId, LOAD_EVENT_END);
  await sleep(SETTLE_MS);
  const [from, to] = [before.worker, workerCpu(browser)];
  return {
    loadEventEnd,
    browserCpuMs: browserCpuMs(browser.pid) - before.cpu,
    responses: sites.requests.length - before.responses,
    ...(from !== undefined && to !== undefined && to.tid === from.tid ? { worker: { ns: to.ns - from.ns, processMs: to.processMs - from.processMs } } : {}),
  };
}

/** Per-response worker CPU of each load, in µs, and the whole extension process's over all loads. */
function perResponse(samples: LoadSample[]): { workerUs: number[]; processUs: number } {
  const kept = samples.flatMap(({ worker, responses }) => (worker === undefined ? [] : [{ ...worker, responses }]));
  const responses = kept.reduce((n, s) => n + s.responses, 0);
  return {
    workerUs: kept.map((s) => s.ns / 1000 / s.responses),
    processUs: (kept.reduce((ms, s) => ms + s.processMs, 0) * 1000) / responses,
  };
}

export async function measurePageLoads(browsers: Browsers, loads: number, sites: SiteServer): Promise<{ pageLoad: Row[]; workerCpu: Row[] }> {
  const order = ['whoserves', 'bare', 'none'] as const;
  const tabs = { whoserves: await openTab(browsers.whoserves.cdp), bare: await openTab(browsers.bare.cdp), none: await openTab(browsers.none.cdp) };
  const samples: Record<Who | 'none', LoadSample[]> = { whoserves: [], bare: [], none: [] };
  let n = 0;
  for (let i = 0; i < WARM_UP_LOADS + loads; i++) {
    for (const who of inTurn(i, order)) {
      const sample = await load(browsers[who], tabs[who], resourcePageUrl(n++), sites);
      if (i >= WARM_UP_LOADS) samples[who].push(sample);
    }
  }
  await Promise.all(order.map((who) => closeTab(browsers[who].cdp, tabs[who])));

  const pick = (f: (s: LoadSample) => number) => ({ whoserves: samples.whoserves.map(f), bare: samples.bare.map(f), none: samples.none.map(f) });
  const loadEnd = pick((s) => s.loadEventEnd);
  const vsNone = { whoserves: pairedRatios(loadEnd.whoserves, loadEnd.none), bare: pairedRatios(loadEnd.bare, loadEnd.none) };
  const cpu = pick((s) => s.browserCpuMs);
  const worker = { whoserves: perResponse(samples.whoserves), bare: perResponse(samples.bare) };
  const workerMedians = { whoserves: median(worker.whoserves.workerUs), bare: median(worker.bare.workerUs) };
  return {
    pageLoad: [
      {
        measure: 'page load, 50 resources from 10 hosts: loadEventEnd ÷ no extension\'s, run by run',
        whoserves: `${ratio(vsNone.whoserves)}; ${range(loadEnd.whoserves, 'ms')}`,
        bare: `${ratio(vsNone.bare)}; ${range(loadEnd.bare, 'ms')}`,
        comparison: `no extension: ${range(loadEnd.none, 'ms')}`,
        target: '≤ bare\'s',
        met: median(vsNone.whoserves) <= median(vsNone.bare),
      },
      pairedRow(`browser CPU per page load, all its processes (no extension: ${range(cpu.none, 'ms')})`, cpu, 'ms', 1.1),
    ],
    workerCpu: [
      {
        measure: `worker CPU per response (the worker's thread; ${median(samples.whoserves.map((s) => s.responses))} responses a load)`,
        whoserves: range(worker.whoserves.workerUs, 'µs'),
        bare: range(worker.bare.workerUs, 'µs'),
        comparison: `${(workerMedians.whoserves / workerMedians.bare).toFixed(2)}× bare (medians)`,
        target: `≤ ${WORKER_LIMIT_US} µs`,
        met: workerMedians.whoserves <= WORKER_LIMIT_US,
      },
      {
        // The bare extension's empty listener is what the browser spends delivering each response to any
        // extension that listens to all of them: the part of the row above that whoserves can change is this.
        measure: 'worker CPU per response that whoserves adds to the bare listener\'s (the browser\'s delivery of the event)',
        whoserves: `${(workerMedians.whoserves - workerMedians.bare).toFixed(0)} µs`,
        bare: `${workerMedians.bare.toFixed(0)} µs delivery`,
        comparison: '',
        target: `≤ ${WORKER_LIMIT_US} µs`,
        met: workerMedians.whoserves - workerMedians.bare <= WORKER_LIMIT_US,
      },
      {
        measure: 'extension process CPU per response (all its threads, over all loads; 10 ms ticks)',
        whoserves: `${worker.whoserves.processUs.toFixed(0)} µs`,
        bare: `${worker.bare.processUs.toFixed(0)} µs`,
        comparison: `${(worker.whoserves.processUs / worker.bare.processUs).toFixed(2)}× bare`,
        target: '',
      },
    ],
  };
}
