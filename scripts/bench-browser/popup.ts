import type { BenchBrowser } from './launch.js';
import { closeTab, navigate, openTab, visibleAt } from './tab.js';
import { stopWorker } from './worker.js';
import { EDGE_NAME } from './edge-name.js';
import { mapPair, takeTurns, type Pair, type Subject } from './subjects.js';
import { pairedRow, type Row } from './report.js';

/*
 * Popup time: from opening popup.html?tabId=N (in a tab, as the e2e tests do)
 * until the edge provider's name is visible in it — whatever the popup's
 * markup, only that the text is shown (tab.ts visibilityMarker).
 * Cold: the worker stopped and the extension's process gone (worker.ts
 * stopWorker), so the popup pays a process start and a worker start. Warm:
 * the worker running; the popup opened again in a new tab.
 * Bias, alike for every extension: the clock starts as the navigation is sent
 * from an about:blank tab that already exists, while the toolbar popup also
 * creates its view; it stops before the frame that paints the text.
 */

/** Opens the extension's popup for `tabId` in a new tab, returns the ms until EDGE_NAME is visible, closes it. */
export async function popupTime(browser: BenchBrowser, tabId: number): Promise<number> {
  const { cdp } = browser;
  const popup = await openTab(cdp, EDGE_NAME);
  try {
    const start = Date.now();
    await navigate(cdp, popup, `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`, 'commit');
    return (await visibleAt(cdp, popup)) - start;
  } finally {
    await closeTab(cdp, popup);
  }
}

/** Cold and warm popup times, whoserves and bare taking turns, `runs` of each. */
export async function measurePopups(subjects: Pair<Subject>, runs: number): Promise<Row[]> {
  const samples = await takeTurns(subjects, runs, async ({ browser, site }) => {
    await stopWorker(browser, site.tab);
    return { cold: await popupTime(browser, site.tabId), warm: await popupTime(browser, site.tabId) };
  });
  return [
    pairedRow(`popup, cold (worker and its process stopped): open → "${EDGE_NAME}" visible`, mapPair(samples, (s) => s.map((x) => x.cold)), 'ms', 1.3),
    pairedRow('popup, warm (worker running): the same', mapPair(samples, (s) => s.map((x) => x.warm)), 'ms', 1.3),
  ];
}
