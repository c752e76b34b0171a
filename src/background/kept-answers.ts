import { ext as browser } from '../native-browser.js';
import { KEPT_ANSWER_PREFIX, type KeptAnswer } from '../protocol.js';
import { SessionStore } from './session-store.js';
import { firstAnswer } from './lookup-service.js';
import type { DocumentRecord } from './tab-records.js';

// Each tab's first answer, ready before anyone asks: MV3 stops an idle worker
// after 30 s, so a popup usually opens over a page read for a while, with the
// worker stopped. The popup reads this straight from storage.session and shows
// it while the worker wakes and the lookup goes on (popup/kept-answer.ts).

/** A few KB per tab; past this, the tabs written longest ago lose theirs and wait for the worker. */
const ANSWERS_BUDGET = 1024 * 1024;

// Written at once: one write per page a person stays on, and the popup reads it from storage.
const answers = new SessionStore<KeptAnswer>(KEPT_ANSWER_PREFIX, browser.storage.session, 0, ANSWERS_BUDGET);

/**
 * How long a tab must stay on a document before its answer is kept. The
 * worker lives at least 30 s after the commit that woke it, so a popup opened
 * sooner finds it running; meanwhile redirect chains and quick hops through
 * pages cost nothing (and a cold wake's badge does not share the worker with
 * loading the Public Suffix List).
 */
const KEEP_AFTER_MS = 2000;

/** The newest commit per tab: an answer computed for an older one is not kept. */
const latest = new Map<number, number>();
let commits = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the answer for the document the tab just committed to (or that a late response completed), once the tab stays on it. */
export async function keepAnswer(tabId: number, target: { host: string; isIp: boolean }, doc: DocumentRecord): Promise<void> {
  const commit = ++commits;
  latest.set(tabId, commit);
  await sleep(KEEP_AFTER_MS);
  if (latest.get(tabId) !== commit) return;
  const model = await firstAnswer(target, doc);
  if (latest.get(tabId) !== commit) return;
  await answers.update(String(tabId), () => ({ url: doc.url, model }));
}

/** The tab closed: its answer goes (an answer computed meanwhile is not kept). */
export function dropTab(tabId: number): Promise<void> {
  latest.delete(tabId);
  return answers.delete(String(tabId));
}
