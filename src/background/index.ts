/*
 * The background worker: wires browser events to the recorder and answers the popup.
 *
 * Tab state (tab-records.ts, in storage.session so it outlives the worker):
 * - replaced when a main_frame response starts in the tab (webRequest.onResponseStarted):
 *   host, the IP the browser connected to, status, and the headers signatures read;
 * - updated by each sub-resource response in the tab (hosts and counts) and by the
 *   content script's pageSeen report (which alone covers back/forward-cache restores);
 * - left stale when the tab moves to another host without a response: views.ts compares
 *   hosts and shows "unseen" instead of the old page's answer;
 * - dropped when the tab closes.
 * The badge is set after the navigation commits (tabs.onUpdated): Chrome resets a tab's
 * badge on commit, so setting it when the response starts would be undone.
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import { listen } from '../messages.js';
import { lookupTarget, pageTarget } from '../core/page-target.js';
import { seenFromResponse } from '../core/observation-record.js';
import { loadEngine } from './engine.js';
import { recent, tabs } from './stores.js';
import { hostView, tabPopupView, tabView } from './views.js';
import { liveView } from './live-lookup.js';
import { noteOwnResponse } from './header-probe.js';
import { responseListenerOptions } from './platform.js';
import { recordHistory } from './history-store.js';
import { loadSettings } from './settings.js';
import { showBadge } from './badge.js';
import { createMenus, onMenuClicked, takePendingLookup } from './context-menu.js';

function report(err: unknown): void {
  console.error('whoserves:', err);
}

async function refreshBadge(tabId: number): Promise<void> {
  await showBadge(tabId, await tabView(tabId));
}

async function onResponseStarted(details: WebRequest.OnResponseStartedDetailsType): Promise<void> {
  if (details.tabId < 0) {
    noteOwnResponse(details); // the header probe's answer; nothing else outside tabs is kept
    return;
  }
  const engine = await loadEngine();
  const seen = seenFromResponse(details, engine.headerNames, Date.now());
  if (seen === undefined) return;
  if (details.type === 'main_frame') {
    await tabs.recordDocument(details.tabId, details.url, seen);
    await refreshBadge(details.tabId);
  } else {
    await tabs.recordResource(details.tabId, seen.host, seen.ip);
  }
  await recent.remember(seen);
}

const responseSpec = responseListenerOptions(browser.webRequest) as WebRequest.OnResponseStartedOptions[];

browser.webRequest.onResponseStarted.addListener((details) => void onResponseStarted(details).catch(report), { urls: ['<all_urls>'] }, responseSpec);

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== undefined || change.url !== undefined) void refreshBadge(tabId).catch(report);
});
browser.tabs.onRemoved.addListener((tabId) => void tabs.forgetTab(tabId).catch(report));

browser.runtime.onInstalled.addListener(createMenus);
browser.runtime.onStartup.addListener(createMenus);
browser.contextMenus.onClicked.addListener(onMenuClicked);

listen({
  async pageSeen({ resourceHosts }, sender) {
    // Trust the browser's word for where the script runs, not the payload's.
    const target = pageTarget(sender.url ?? '');
    const tabId = sender.tab?.id;
    if (target.kind === 'site' && tabId !== undefined && sender.frameId === 0) {
      const hosts = resourceHosts.flatMap((h) => {
        const t = lookupTarget(h);
        return t.ok ? [t.host] : [];
      });
      await tabs.recordPageReport(tabId, sender.url ?? '', target.host, hosts, Date.now());
    }
    return { ok: true };
  },
  async tabView({ tabId }) {
    const view = await tabPopupView(tabId);
    void showBadge(tabId, view).catch(report);
    if (view.state === 'report' && (await loadSettings()).history) view.moves = await recordHistory(view);
    return view;
  },
  hostView: ({ input }) => hostView(input),
  liveView: ({ input, tabId }) => liveView(input, tabId),
  async takePendingLookup() {
    const found = await takePendingLookup(Date.now());
    return found === undefined ? null : { host: found.input };
  },
});
