import browser from 'webextension-polyfill';
import { HISTORY_STORAGE_KEY, latestChanges, recordSnapshot, snapshotOf, type Change, type History } from '../core/history.js';
import type { ReportState } from '../core/view.js';

// storage.local, so moves are remembered across browser restarts; never sent anywhere.
const KEY = HISTORY_STORAGE_KEY;
let queue: Promise<unknown> = Promise.resolve();

/** Adds what a report shows of a domain to its history and returns its latest moves. Writes run one at a time. */
export function recordHistory(view: ReportState): Promise<Change[]> {
  const domain = view.domain ?? view.host;
  const run = async () => {
    const stored = ((await browser.storage.local.get(KEY))[KEY] ?? {}) as History;
    const { history } = recordSnapshot(stored, domain, snapshotOf(view.report), Date.now());
    await browser.storage.local.set({ [KEY]: history });
    return latestChanges(history[domain]);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
