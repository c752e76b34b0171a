import { ext as browser } from '../src/native-browser.js';
import { KEPT_ANSWER_PREFIX, PENDING_LOOKUP_KEY, PENDING_LOOKUP_PREFIX, isKeptAnswer, type LookupSubject } from '../src/protocol.js';
import { documentUrl } from '../src/core/url-host.js';
import type { SiteModel } from '../src/core/model/site-model.js';

const PENDING = `${PENDING_LOOKUP_PREFIX}${PENDING_LOOKUP_KEY}`;

/**
 * The first answer the worker kept for the document the tab shows now
 * (background/kept-answers.ts), read from storage.session without waking the
 * worker. None when the tab has moved on, when the worker has none yet, or
 * when a lookup from the context menu is waiting to be shown instead.
 */
export async function keptAnswer(subject: Extract<LookupSubject, { kind: 'tab' }>): Promise<SiteModel | undefined> {
  const key = `${KEPT_ANSWER_PREFIX}${subject.tabId}`;
  try {
    const [stored, tab] = await Promise.all([browser.storage.session.get([key, PENDING]), browser.tabs.get(subject.tabId)]);
    if (subject.takePending && stored[PENDING] !== undefined) return undefined;
    const kept = stored[key];
    return isKeptAnswer(kept) && tab.url !== undefined && documentUrl(tab.url) === kept.url ? kept.model : undefined;
  } catch {
    return undefined; // a closed tab, say: the lookup itself will say what is wrong
  }
}
