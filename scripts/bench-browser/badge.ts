import type { Cdp } from './cdp.js';
import type { BenchBrowser } from './launch.js';
import { committedAt, navigate, type Tab } from './tab.js';
import { attachWorker, detach, onNextWorkerStart, stopWorker } from './worker.js';
import { edgeUrl } from './edge-site.js';
import { mapPair, takeTurns, type Pair, type Subject } from './subjects.js';
import { pairedRow, type Row } from './report.js';

/*
 * Badge time: from a navigation's commit to the toolbar badge being set for that tab.
 *
 * Nothing outside the extension can read a badge (headless Chromium has no
 * toolbar; CDP has no badge call; a trace names extension API calls but not
 * which), so a poller asks `chrome.action.getBadgeText` from inside the
 * extension's worker, the one context that exists whenever the badge can
 * change: an extension page would keep the extension's process alive and so
 * spare the cold case its process start. The poller first waits for the tab
 * to show the new URL (`tabs.query`), because the browser resets a tab's badge
 * when a navigation commits and a badge set earlier is not the answer, then
 * reads the badge every POLL_MS. Warm, it is installed before the navigation;
 * cold, the worker is stopped and its process gone, and the poller is sent as
 * the navigation wakes the worker (worker.ts onNextWorkerStart).
 * Commit is when the new document came to exist in the page's renderer
 * (Navigation Timing's domLoading, tab.ts committedAt), so the time includes
 * the commit's trip to the browser, which resets the badge.
 *
 * Bias, the same for every extension measured: up to POLL_MS plus one API
 * round trip late; the polling adds a little work to the worker and the
 * browser; cold, one round trip to this process when the worker starts. If a
 * cold poller's first look already finds the badge set, that sample is an
 * upper bound, and the table says how many there were.
 */

const POLL_MS = 2;
const TIMEOUT_MS = 15_000;

interface Poll {
  tabId: number;
  at: number;
  /** The committed tab and its badge were both there at the poller's first look. */
  firstLook: boolean;
}

export interface BadgeSample {
  ms: number;
  tabId: number;
  upperBound: boolean;
}

/** The poller, as an expression: false while the worker's extension APIs do not exist yet. */
function pollerSource(url: string): string {
  return `(() => {
    if (typeof chrome === 'undefined' || chrome.action === undefined || typeof setTimeout === 'undefined') return false;
    const url = ${JSON.stringify(url)};
    const pattern = new URL(url).origin + '/*';
    const deadline = Date.now() + ${TIMEOUT_MS};
    globalThis.__benchBadge = (async () => {
      let tabId;
      let looks = 0;
      while (Date.now() < deadline) {
        looks++;
        tabId ??= (await chrome.tabs.query({ url: pattern })).find((t) => t.url === url)?.id;
        if (tabId !== undefined && (await chrome.action.getBadgeText({ tabId })) !== '') return { tabId, at: Date.now(), firstLook: looks === 1 };
        await new Promise((r) => setTimeout(r, ${POLL_MS}));
      }
      throw new Error('no badge within ${TIMEOUT_MS} ms for ' + url);
    })();
    return true;
  })()`;
}

async function installPoller(cdp: Cdp, worker: string, url: string): Promise<void> {
  for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline;) {
    if (await cdp.evaluate<boolean>(worker, pollerSource(url))) return;
  }
  throw new Error('the worker\'s extension APIs never appeared');
}

async function sample(cdp: Cdp, worker: string, tab: Tab): Promise<BadgeSample> {
  const poll = await cdp.evaluate<Poll>(worker, 'globalThis.__benchBadge');
  return { ms: poll.at - (await committedAt(cdp, tab)), tabId: poll.tabId, upperBound: poll.firstLook };
}

/** Badge time with the worker running. */
export async function warmBadge({ cdp }: BenchBrowser, tab: Tab, url: string): Promise<BadgeSample> {
  const worker = await attachWorker(cdp);
  try {
    await installPoller(cdp, worker, url);
    await navigate(cdp, tab, url, 'load');
    return await sample(cdp, worker, tab);
  } finally {
    await detach(cdp, worker);
  }
}

/** Badge time with the worker stopped and the extension's process gone. */
export async function coldBadge(browser: BenchBrowser, tab: Tab, url: string): Promise<BadgeSample> {
  const { cdp } = browser;
  await stopWorker(browser, tab);
  return onNextWorkerStart(cdp, (worker) => installPoller(cdp, worker, url), async (worker) => {
    await navigate(cdp, tab, url, 'load');
    return sample(cdp, await worker, tab);
  });
}

/** Cold and warm badge times, whoserves and bare taking turns, `runs` of each. */
export async function measureBadges(subjects: Pair<Subject>, runs: number): Promise<Row[]> {
  const samples = await takeTurns(subjects, runs, async ({ browser, site }, run) => ({
    cold: await coldBadge(browser, site.tab, edgeUrl(`cold=${run}`)),
    warm: await warmBadge(browser, site.tab, edgeUrl(`warm=${run}`)),
  }));
  const cold = mapPair(samples, (s) => s.map((x) => x.cold));
  const ms = (badges: Pair<BadgeSample[]>) => mapPair(badges, (s) => s.map((x) => x.ms));
  const coldRow = pairedRow('badge, cold (worker and its process stopped): commit → badge set', ms(cold), 'ms', 1.3);
  const bounds = mapPair(cold, (s) => s.filter((x) => x.upperBound).length);
  if (bounds.whoserves + bounds.bare > 0) coldRow.measure += ` (upper bounds, poller late: ${bounds.whoserves} and ${bounds.bare} of ${runs})`;
  return [coldRow, pairedRow('badge, warm (worker running): the same', ms(mapPair(samples, (s) => s.map((x) => x.warm))), 'ms')];
}
