import type { Cdp } from './cdp.js';
import type { BenchBrowser } from './launch.js';
import type { Tab } from './tab.js';
import { extensionProcess } from './process-tree.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Longer than what the worker still does after a page's events: coalesced writes
 * (session-store.ts, 1 s for tabs and recent hosts) and the answer it keeps for a
 * tab that stayed 2 s on a page (kept-answers.ts).
 */
const WRITES_SETTLE_MS = 2600;

/** A DevTools session on the running extension worker; detach it when done. */
export async function attachWorker(cdp: Cdp): Promise<string> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (worker === undefined) throw new Error('the extension\'s worker is not running');
  return (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true })).sessionId;
}

export async function detach(cdp: Cdp, sessionId: string): Promise<void> {
  await cdp.send('Target.detachFromTarget', { sessionId });
}

/**
 * The cold state: the worker stopped, as MV3 browsers stop idle workers (CDP,
 * as the e2e harness's stopWorker does), and — with no extension page open —
 * the extension's renderer process gone, so the next wake also starts a
 * process. An event can wake the worker again as it stops (closing a tab
 * fires tabs.onRemoved), so it is stopped until the process stays gone.
 * `tab` is any open tab; the stop applies to the whole browser. Fails if the
 * process outlives 10 s of this (an extension page still open, say).
 */
export async function stopWorker(browser: BenchBrowser, tab: Tab): Promise<void> {
  const { cdp } = browser;
  // A browser stops a worker only after 30 s idle, long after its coalesced writes and kept answers
  // have landed; stopping it sooner would measure a state no person meets (a tab record not yet written).
  await sleep(WRITES_SETTLE_MS);
  await cdp.send('ServiceWorker.enable', undefined, tab.sessionId);
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      await cdp.send('ServiceWorker.stopAllWorkers', undefined, tab.sessionId);
      for (const deadline = Date.now() + 1000; Date.now() < deadline; await sleep(20)) {
        if (extensionProcess(browser.pid) === undefined) return;
      }
    }
    throw new Error(`${browser.label}: the extension's process would not exit`);
  } finally {
    await cdp.send('ServiceWorker.disable', undefined, tab.sessionId);
  }
}

/**
 * Runs `prepare` in the extension's worker as it next starts, then `body`
 * with the worker's session to come. The browser holds a starting worker
 * until we let it go (waitForDebuggerOnStart); we let it go at once and send
 * `prepare` straight after, so it reaches the worker as its script runs or
 * just after, usually before the events that woke it are dispatched (the
 * browser sends those once the worker reports that it started). The hold
 * costs every measured cold start alike one round trip to this process. The
 * session ends with `body`.
 */
export async function onNextWorkerStart<T>(cdp: Cdp, prepare: (sessionId: string) => Promise<unknown>, body: (worker: Promise<string>) => Promise<T>): Promise<T> {
  const worker = cdp.waitFor('Target.attachedToTarget', ({ targetInfo }) => targetInfo.type === 'service_worker').then(async ({ sessionId }) => {
    const resumed = cdp.send('Runtime.runIfWaitingForDebugger', undefined, sessionId);
    await prepare(sessionId);
    await resumed;
    return sessionId;
  });
  worker.catch(() => undefined); // `body` may fail before it waits for the worker; its error is the one to report
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker' }] });
  try {
    return await body(worker);
  } finally {
    await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: true }); // detaches the session too
  }
}
