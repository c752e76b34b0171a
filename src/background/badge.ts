import { ext as browser } from '../native-browser.js';
import { classify, edgeOf } from '../core/classify.js';
import { observationOf } from '../core/lookup/lookup-host.js';
import type { DocumentRecord } from './tab-records.js';
import { loadEngine } from './engine.js';
import { textOn } from '../core/model/mark-color.js';

/**
 * Shows the edge of the document a tab just committed to on the toolbar
 * button. Chrome clears a tab's badge on every cross-document commit, so
 * nothing is called when nothing is recognised: one update per navigation at
 * most.
 */
export async function showBadge(tabId: number, doc: DocumentRecord): Promise<void> {
  if (doc.seen?.ip === undefined && Object.keys(doc.seen?.headers ?? {}).length === 0) return;
  const engine = await loadEngine();
  await engine.prepare(doc.seen?.ip === undefined ? [] : [doc.seen.ip]);
  const edge = edgeOf(classify(engine, observationOf({ host: doc.host, isIp: false }, doc.seen, undefined)));
  const info = edge === undefined ? undefined : engine.providers.get(edge.id);
  if (info === undefined) return;
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: info.badge }),
    browser.action.setBadgeBackgroundColor({ tabId, color: info.color }),
    browser.action.setBadgeTextColor?.({ tabId, color: textOn(info.color) }),
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('badgeTitle', [info.name, doc.host]) }),
  ]);
}
