import { ext as browser } from '../native-browser.js';
import { HISTORY_STORAGE_KEY, latestChanges, readHistory, recordSnapshot, snapshotOf, type Change } from '../core/history.js';
import type { Report } from '../core/types.js';

// storage.local, so moves are remembered across browser restarts; never sent anywhere.
const KEY = HISTORY_STORAGE_KEY;
let queue: Promise<unknown> = Promise.resolve();

/** Adds what a report shows of a host to its history and returns its latest moves. Writes run one at a time. */
export function recordHistory(host: string, report: Report): Promise<Change[]> {
  const run = async () => {
    // Whatever is stored is read through readHistory: damaged or foreign data is dropped, never trusted.
    const stored = readHistory((await browser.storage.local.get(KEY))[KEY]);
    const { history } = recordSnapshot(stored, host, snapshotOf(report), Date.now());
    await browser.storage.local.set({ [KEY]: history });
    return latestChanges(history[host]);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
