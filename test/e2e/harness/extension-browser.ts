/// <reference types="chrome" />
import type { SiteServer } from './sites.js';
import { messagesOf } from '../../helpers/locale-words.js';
import { pollInPage, WAIT_MS, type TestPage } from './page.js';

export type BrowserName = 'chromium' | 'firefox';

/**
 * A browser with the built extension installed, as every end-to-end test sees
 * it, whichever browser runs underneath. Web names reach only the local sites.
 */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** The popup UI in a tab, for a query (`tabId=N` or `host=H`). */
  openPopup(query: string): Promise<TestPage>;
  /** The options page (settings, privacy and credits), as the popup's footer link opens it. */
  openOptions(): Promise<TestPage>;
  /** A new tab, at `url` if given (loaded when this resolves). */
  newPage(url?: string): Promise<TestPage>;
  /** The id of the tab showing exactly `url`, asked of the extension itself. */
  tabIdOf(url: string): Promise<number>;
  /** The id of the active tab: for pages whose URL the extension may not see (browser pages). */
  activeTabId(): Promise<number>;
  /**
   * Runs `fn(arg)` in an extension page (the options page, opened once per
   * browser), where `chrome.*` extension APIs, storage.session included, are
   * available in both browsers. `fn` crosses into the page as source: it can
   * use only its argument.
   */
  evaluateInExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  addCookie(cookie: { name: string; value: string; domain: string }): Promise<void>;
  /** The text on the browser's clipboard (what the popup's copy buttons put there). */
  clipboardText(): Promise<string>;
  /**
   * Unloads the extension's background (Chromium's service worker, Firefox's
   * event page) as the browser does when it is idle; the next event wakes it.
   */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

/** What a driver does to start a browser; the rest of ExtensionBrowser is built on it. */
export interface DriverSession {
  /** Opens an extension page (`popup.html?…`) in a new tab, resolving once its document has loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  newPage(url?: string): Promise<TestPage>;
  evaluateInExtension: ExtensionBrowser['evaluateInExtension'];
  addCookie: ExtensionBrowser['addCookie'];
  clipboardText: ExtensionBrowser['clipboardText'];
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A profile directory to use and keep (to restart the browser on it); otherwise a fresh one is made and removed. */
  profile?: string;
  /** The browser's UI language, which the extension shows its messages in; English by default. */
  locale?: UiLocale;
}

export type UiLocale = 'en' | 'de';

export interface Driver {
  readonly name: BrowserName;
  /**
   * Starts the browser with the extension installed and every web request
   * sent to `sites` (see startSites), so nothing leaves the machine.
   */
  start(sites: SiteServer, options: LaunchOptions): Promise<DriverSession>;
}

/**
 * Starts `driver`'s browser and resolves once the extension provably records
 * the pages it loads: the first webRequest events can be lost before the
 * background's listeners run, so a probe page is loaded until it is recorded.
 */
export async function launch(driver: Driver, sites: SiteServer, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const session = await driver.start(sites, options);
  const ext: ExtensionBrowser = {
    name: driver.name,
    openPopup: (query) => session.openExtensionPage(`popup.html?${query}`),
    openOptions: () => session.openExtensionPage('options.html'),
    newPage: (url) => session.newPage(url),
    evaluateInExtension: (fn, arg) => session.evaluateInExtension(fn, arg),
    addCookie: (cookie) => session.addCookie(cookie),
    clipboardText: () => session.clipboardText(),
    stopBackground: () => session.stopBackground(),
    close: () => session.close(),
    tabIdOf: (url) =>
      session.evaluateInExtension(async (u) => {
        // Queried by exact URL rather than by match pattern: Firefox's patterns take no port.
        const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
        if (tab?.id === undefined) throw new Error(`no tab at ${u}`);
        return tab.id;
      }, url),
    activeTabId: () =>
      session.evaluateInExtension(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      }, undefined),
  };
  try {
    const probe = await ext.newPage();
    await waitUntilWatching(ext, probe);
    await probe.close();
  } catch (err) {
    await ext.close();
    throw err;
  }
  return ext;
}

async function waitUntilWatching(ext: ExtensionBrowser, page: TestPage): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.goto('http://probe.test/');
    try {
      await waitUntilRecorded(ext, 'probe.test', 2000);
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}

/** Resolves once `check(arg)`, run in an extension page, is true. */
export function waitInExtension<A>(ext: ExtensionBrowser, check: (arg: A) => Promise<boolean>, arg: A, what: string, timeoutMs = WAIT_MS): Promise<void> {
  return pollInPage((fn, a) => ext.evaluateInExtension(fn, a), check, arg, what, timeoutMs);
}

/** Resolves once the extension has recorded a main document from `host` in some tab. */
export function waitUntilRecorded(ext: ExtensionBrowser, host: string, timeoutMs = WAIT_MS): Promise<void> {
  return waitInExtension(ext, async (h) => {
    const all = await chrome.storage.session.get(null);
    // A tab's record (background/tab-records.ts): the document it committed to, with its response.
    return Object.entries(all).some(([k, v]) => {
      const doc = k.startsWith('tab:') ? (v as { current?: { host: string; seen?: unknown } }).current : undefined;
      return doc?.host === h && doc.seen !== undefined;
    });
  }, host, `the extension never recorded ${host}`, timeoutMs);
}

/** Resolves once the extension remembers a response from `host` for lookups outside a tab. */
export function waitUntilRemembered(ext: ExtensionBrowser, host: string, timeoutMs = WAIT_MS): Promise<void> {
  return waitInExtension(ext, async (h) => {
    // The index of recent hosts (background/recent-hosts.ts).
    const { 'recent:index': hosts } = await chrome.storage.session.get('recent:index');
    return typeof hosts === 'object' && hosts !== null && h in hosts;
  }, host, `the extension never remembered ${host}`, timeoutMs);
}

/**
 * Points live lookups at a DoH resolver and an RDAP server through the options
 * page, as a person would, in the browser's language, and tests the resolver
 * there. Tests give local servers, so no lookup leaves the machine.
 */
export async function useResolver(ext: ExtensionBrowser, url: string, rdapServer: string, locale: UiLocale = 'en'): Promise<void> {
  const m = (key: string) => messagesOf(locale)[key]!.message;
  const options = await ext.openOptions();
  await options.fill(m('optionsRdapServerUrl'), rdapServer);
  await options.fill(m('optionsCustomUrl'), url);
  await options.clickRole('button', m('optionsTest'));
  await options.waitForText(new RegExp(m('optionsTestOk').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\$1', '\\d+')));
  await options.close();
}
