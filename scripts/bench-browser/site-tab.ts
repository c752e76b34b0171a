import type { BenchBrowser } from './launch.js';
import { closeTab, openTab, type Tab } from './tab.js';
import { warmBadge } from './badge.js';
import { edgeUrl } from './edge-site.js';

export interface SiteTab {
  tab: Tab;
  /** The extension's id for the tab, for popup.html?tabId=. */
  tabId: number;
}

/**
 * A tab showing the edge site once the extension has provably seen it (its
 * badge is set): a worker that has just started can miss the first responses
 * (the e2e harness's waitUntilWatching has the story), so load until it does.
 */
export async function openSiteTab(browser: BenchBrowser): Promise<SiteTab> {
  const tab = await openTab(browser.cdp);
  for (let attempt = 1; ; attempt++) {
    try {
      return { tab, tabId: (await warmBadge(browser, tab, edgeUrl(`ready=${attempt}`))).tabId };
    } catch (err) {
      if (attempt === 5) {
        await closeTab(browser.cdp, tab);
        throw err;
      }
    }
  }
}
