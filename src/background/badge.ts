import browser from 'webextension-polyfill';
import { edgeOf } from '../core/classify.js';
import type { View } from '../core/view.js';

/** Shows the tab's edge provider on the toolbar button; clears it when nothing is recognised. */
export async function showBadge(tabId: number, view: View): Promise<void> {
  const edge = view.state === 'report' ? edgeOf(view.report) : undefined;
  const info = edge === undefined || view.state !== 'report' ? undefined : view.providers[edge.id];
  const title = info === undefined
    ? browser.i18n.getMessage('extensionName')
    : browser.i18n.getMessage('badgeTitle', [info.name, view.state === 'report' ? view.host : '']);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: info?.badge ?? '' }),
    info === undefined ? undefined : browser.action.setBadgeBackgroundColor({ tabId, color: info.color }),
    info === undefined ? undefined : browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    browser.action.setTitle({ tabId, title }),
  ]);
}
