// `npm run bench:browser`: what whoserves costs in a real browser, against a
// bare extension built for the purpose (scripts/bench-browser/bare: one empty
// webRequest listener on all URLs, a badge on commit, a one-line popup) and,
// for page loads, against no extension. A benchmark, not a test: it prints a
// Markdown table with the issue-10 targets marked met or not, and never fails
// on a number.
//
// Method. Each extension runs in its own headless Chromium (Debian's, offline
// flags of the e2e harness, a fresh profile), driven over a raw CDP pipe so
// nothing attaches to the worker unless a measure asks. The browsers take
// turns run by run, and each ratio is of run i against run i, moments apart:
// on this 2-core machine absolute times swing ±30 %, paired ratios hold.
// - popup (popup.ts): open popup.html?tabId=N in a tab → "Cloudflare" visible;
//   cold = worker stopped and the extension's process gone; warm = running.
// - badge (badge.ts): commit → tab badge set, polled from inside the worker.
// - page-load, worker-cpu (page-loads.ts): a page with 50 resources from 10
//   hosts; loadEventEnd, whole-browser CPU (/proc), worker-thread CPU per response.
// - memory (memory.ts): worker heap + ArrayBuffers after GC, after a cold
//   wake + one popup and after 300 page loads.
// - bundles (bundle-sizes.ts): raw and gzip sizes against the budgets.
// Each module's header says how it measures and what biases it carries.
//
// Options: --runs N (popup and badge runs, default 20; page loads 2N),
// --only MEASURE[,MEASURE] (popup, badge, page-load, worker-cpu, memory,
// bundles), --dist DIR (the extension to measure, default dist/chrome).
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startSites } from '../test/e2e/harness/sites.js';
import { launchBrowser, type BenchBrowser } from './bench-browser/launch.js';
import { buildBare } from './bench-browser/build-bare.js';
import { EDGE_HOST, EDGE_SITE } from './bench-browser/edge-site.js';
import { resourcePageSites } from './bench-browser/resource-page.js';
import { openSiteTab } from './bench-browser/site-tab.js';
import { measurePopups } from './bench-browser/popup.js';
import { measureBadges } from './bench-browser/badge.js';
import { measurePageLoads } from './bench-browser/page-loads.js';
import { measureMemory } from './bench-browser/memory.js';
import { bundleRows } from './bench-browser/bundle-sizes.js';
import { markdownTable, type Row } from './bench-browser/report.js';
import type { Pair, Subject } from './bench-browser/subjects.js';

const MEASURES = ['popup', 'badge', 'page-load', 'worker-cpu', 'memory', 'bundles'] as const;
type Measure = (typeof MEASURES)[number];

interface Options {
  runs: number;
  dist: string;
  selected: Set<Measure>;
}

function usage(message: string): never {
  console.error(`bench:browser: ${message}`);
  process.exit(2);
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '20' },
      only: { type: 'string', multiple: true },
      dist: { type: 'string', default: fileURLToPath(new URL('../dist/chrome', import.meta.url)) },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) usage(`--runs takes a whole number ≥ 1, not ${values.runs}`);
  const only = (values.only ?? []).flatMap((o) => o.split(','));
  const unknown = only.filter((o) => !(MEASURES as readonly string[]).includes(o));
  if (unknown.length > 0) usage(`--only takes ${MEASURES.join(', ')}; not ${unknown.join(', ')}`);
  const dist = resolve(values.dist);
  if (!existsSync(resolve(dist, 'manifest.json'))) usage(`${dist} has no manifest.json: build first, or give --dist`);
  return { runs, dist, selected: new Set<Measure>(only.length === 0 ? MEASURES : (only as Measure[])) };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs the selected browser measures, adding their rows; returns the browser's version. */
async function measureInBrowsers({ runs, dist, selected }: Options, rows: Row[]): Promise<string> {
  const wants = (...measures: Measure[]) => measures.some((m) => selected.has(m));
  const sites = await startSites({ [EDGE_HOST]: EDGE_SITE, ...resourcePageSites() });
  const browsers: BenchBrowser[] = [];
  const launch = async (label: string, extension?: string) => {
    const browser = await launchBrowser(label, sites.port, extension);
    browsers.push(browser);
    return browser;
  };
  try {
    const [ours, bare] = await Promise.all([launch('whoserves', dist), buildBare().then((dir) => launch('bare', dir))]);
    const subjects: Pair<Subject> = {
      whoserves: { browser: ours, site: await openSiteTab(ours) },
      bare: { browser: bare, site: await openSiteTab(bare) },
    };
    if (wants('popup')) {
      log(`popup: ${runs} cold and warm runs each…`);
      rows.push(...(await measurePopups(subjects, runs)));
    }
    if (wants('badge')) {
      log(`badge: ${runs} cold and warm runs each…`);
      rows.push(...(await measureBadges(subjects, runs)));
    }
    if (wants('page-load', 'worker-cpu')) {
      log(`page loads: ${2 * runs} each with whoserves, bare and no extension…`);
      const none = await launch('no extension');
      const { pageLoad, workerCpu } = await measurePageLoads({ whoserves: ours, bare, none }, 2 * runs, sites);
      if (wants('page-load')) rows.push(...pageLoad);
      if (wants('worker-cpu')) rows.push(...workerCpu);
    }
    if (wants('memory')) {
      log('memory: cold wakes, then 300 page loads…');
      rows.push(...(await measureMemory(subjects)));
    }
    return `${ours.version} headless`;
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await sites.close();
  }
}

const started = Date.now();
const loadAtStart = loadavg()[0]!;
const opts = options();
const rows = opts.selected.has('bundles') ? bundleRows(opts.dist) : [];
const browser = [...opts.selected].some((m) => m !== 'bundles') ? await measureInBrowsers(opts, rows) : undefined;
// Other work on the machine moves absolute times most; the load average says how much there was.
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
console.log(`\n${opts.dist}${browser === undefined ? '' : ` in ${browser}`}; ${availableParallelism()} cores, ${load}; ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (browser !== undefined) console.log(`Min / median / max over ${opts.runs} runs (page loads: ${2 * opts.runs}); a ratio is the median of run-by-run ratios, their range in brackets.`);
console.log(`\n${markdownTable(rows)}`);
