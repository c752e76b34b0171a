import browser from 'webextension-polyfill';
import { lookupTarget, pageTarget } from '../core/page-target.js';
import { lookupAddresses, reportView, type View } from '../core/view.js';
import { loadEngine } from './engine.js';
import { recent, tabs } from './stores.js';
import { tabResources } from './tab-resources.js';

/** What the popup shows for a tab: decided from the tab's URL and what was recorded for it. */
export async function tabView(tabId: number): Promise<View> {
  const tab = await browser.tabs.get(tabId);
  // Without the "tabs" permission the browser shows us only URLs we have host access to:
  // no URL means a page no website serves (browser UI, a local file, another extension).
  if (tab.url === undefined) return { state: 'uninspectable', reason: 'hidden-url' };
  const target = pageTarget(tab.url);
  if (target.kind === 'uninspectable') return { state: 'uninspectable', reason: target.reason };
  const [engine, record] = await Promise.all([loadEngine(), tabs.records.get(String(tabId))]);
  const domain = target.domain === undefined ? {} : { domain: target.domain };
  // A record for another host belongs to a page the tab has since left.
  if (record === undefined || record.host !== target.host) return { state: 'unseen', host: target.host, ...domain, canReload: true };
  if (record.document === undefined) return { state: 'no-response', host: target.host, ...domain };
  await engine.prepare(lookupAddresses(record.document));
  return reportView(engine, target.host, target.domain, record.document);
}

/** The popup's view of a tab: the badge's, plus the page's resources, which only the popup shows (the badge refreshes on every tab update). */
export async function tabPopupView(tabId: number): Promise<View> {
  const view = await tabView(tabId);
  if (view.state !== 'report') return view;
  const [engine, record] = await Promise.all([loadEngine(), tabs.records.get(String(tabId))]);
  if (record !== undefined) view.resources = await tabResources(engine, record, view.domain);
  return view;
}

/** What the popup shows for a host looked up outside a tab (context menu): offline, from what this session saw. */
export async function hostView(input: string): Promise<View> {
  const target = lookupTarget(input);
  if (!target.ok) return { state: 'not-a-host', input, reason: target.reason };
  const [engine, seen] = await Promise.all([loadEngine(), recent.get(target.host)]);
  if (seen === undefined) {
    // No response seen yet; the host name alone can still name a platform (github.io, vercel.app, …).
    const view = reportView(engine, target.host, target.domain);
    if (view.report.providers.length > 0) return view;
    return { state: 'unseen', host: target.host, ...(target.domain === undefined ? {} : { domain: target.domain }), canReload: false };
  }
  await engine.prepare(lookupAddresses(seen));
  return reportView(engine, target.host, target.domain, seen);
}
