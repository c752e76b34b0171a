/// <reference types="chrome" />
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './chromium-path.js';
import { extensionArgs, offlineArgs } from './chromium-args.js';

export const DIST = fileURLToPath(new URL('../../../dist/chrome', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens the popup UI in a tab, for the given query (`tabId=N` or `host=H`). */
  openPopup(query: string): Promise<Page>;
  /**
   * Points live lookups at a DoH resolver and an RDAP server through the options page, as a person
   * would, and tests the resolver there. Tests give local servers, so no lookup leaves the machine.
   */
  useResolver(url: string, rdapServer: string): Promise<void>;
  /**
   * Stops the service worker, as MV3 browsers do to idle workers. With `clearSession`, storage.session is
   * emptied first, which is the state after the extension is installed or updated under open tabs; with
   * `setSession`, these items are written to it while no worker runs.
   */
  stopWorker(options?: { clearSession?: boolean; setSession?: Record<string, unknown> }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium with the built extension loaded and every *.test host
 * mapped to the local site server. Flags keep Chromium off the network: this
 * machine has none, and background connections would only fail noisily.
 */
export async function launchWithExtension(sitePort: number, options: { profile?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} is missing: run \`npm run build\` first`);
  // A given profile is reused and kept (to restart the browser on it); otherwise a fresh one is made and removed.
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'whoserves-e2e-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...extensionArgs(DIST), ...offlineArgs(sitePort)],
  });
  // Fail fast: a missing element should fail its test in seconds, not after Playwright's 30 s default.
  context.setDefaultTimeout(10_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openPopup(query) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html?${query}`);
      return page;
    },
    async useResolver(url, rdapServer) {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.getByRole('textbox', { name: 'RDAP server URL' }).fill(rdapServer);
      await options.getByRole('textbox', { name: 'Resolver URL' }).fill(url);
      await options.getByRole('button', { name: 'Test the resolver' }).click();
      await options.getByText(/Works: it answered in \d+ ms/).waitFor();
      await options.close();
    },
    async stopWorker({ clearSession = false, setSession } = {}) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html?host=stop.invalid`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      const stop = () => cdp.send('ServiceWorker.stopAllWorkers');
      await stop();
      // Only after the worker is gone: a live worker would write its in-memory copy back.
      if (clearSession) await page.evaluate(() => chrome.storage.session.clear());
      if (setSession !== undefined) await page.evaluate((items) => chrome.storage.session.set(items), setSession);
      if (clearSession || setSession !== undefined) await stop();
      await cdp.detach();
      await page.close();
    },
    async close() {
      await context.close();
      if (options.profile === undefined) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url`, asked of the extension itself. */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    if (tab?.id === undefined) throw new Error(`no tab at ${u}`);
    return tab.id;
  }, url);
}

/** The id of the active tab: for pages whose URL the extension may not query (browser pages). */
export function activeTabId(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Resolves once the worker remembers a response from `host` for offline lookups. */
export async function waitUntilRemembered(worker: Worker, host: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const seen = await worker.evaluate(async (h) => {
      const { 'recent:hosts': hosts } = await chrome.storage.session.get('recent:hosts');
      return typeof hosts === 'object' && hosts !== null && h in hosts;
    }, host);
    if (seen) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the worker never remembered ${host}`);
}

/**
 * Start-up race: the first webRequest events can be lost before the worker's
 * listeners run. Loads a probe page until the worker has provably recorded it,
 * so the navigations that follow are seen.
 */
export async function waitUntilWatching(ext: ExtensionBrowser, page: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.goto('http://probe.test/');
    try {
      await waitUntilRecorded(ext.worker, 'probe.test', 2000);
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}

/** Resolves once the worker has recorded a main document from `host` in some tab. */
export async function waitUntilRecorded(worker: Worker, host: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const seen = await worker.evaluate(async (h) => {
      const all = await chrome.storage.session.get(null);
      return Object.entries(all).some(([k, v]) => k.startsWith('tab:') && (v as { document?: { host: string } }).document?.host === h);
    }, host);
    if (seen) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the worker never recorded ${host}`);
}
