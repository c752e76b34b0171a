import type { Commit, DocumentRecord } from './tab-records.js';
import { showBadge } from './badge.js';
import { keepAnswer } from './kept-answers.js';

/**
 * A tab shows a document: committed to, restored, or completed by a response
 * that came after the commit (Firefox). The badge first, since a person sees
 * it at once; then the answer kept for the popup, which nothing waits for (a
 * cold worker loads the Public Suffix List for it).
 */
export async function tabShows(tabId: number, target: { host: string; isIp: boolean }, doc: DocumentRecord, commit: Commit): Promise<void> {
  // The browser clears a tab's badge on a cross-document commit only: a same-document one keeps it.
  if (commit !== 'same-document') await showBadge(tabId, doc);
  void keepAnswer(tabId, target, doc).catch((err: unknown) => console.error('whoserves: could not keep the answer', err));
}
