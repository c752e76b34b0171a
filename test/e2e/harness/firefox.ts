import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, firefoxPath } from './browser-paths.js';
import { pollInPage, testPage, WAIT_MS, type TestPage } from './page.js';
import type { Driver } from './extension-browser.js';

// The origin the add-on's pages get in the test browser.
const UUID = '3c1c2b9e-7c1e-4d55-9a53-2f1f5f0e8a11';
const ORIGIN = `moz-extension://${UUID}/`;

/**
 * Test-browser preferences. Web requests reach only the site server; Firefox's
 * own background traffic is off (MOZ_DISABLE_NONLOCAL_CONNECTIONS, set at
 * launch, also makes its network layer refuse any non-local connection).
 */
function preferences(addonId: string, sitePort: number): Record<string, unknown> {
  return {
    // A fixed origin for the extension, so tests can open its pages by URL.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }),
    // installExtension installs a temporary add-on, removed when the browser closes and
    // installed again on a restart: keep its storage, as an ordinary add-on keeps it.
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    // Every request for a name goes to the site server, which answers the test sites and refuses
    // the rest (127.0.0.1, where the DoH and RDAP servers are, is never proxied); no name
    // resolves, so even a request that bypassed it goes nowhere. This is Chromium's
    // --proxy-server plus --host-resolver-rules="MAP * ~NOTFOUND".
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': sitePort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': sitePort,
    'network.dns.disabled': true,
    // The one name the browser's own resolver knows (as this computer): the extension's request
    // guard asks it before the probe of a name DNS-over-HTTPS called public (a rebinding answer).
    'network.dns.localDomains': 'probe-me.test',
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.http.http3.enable': false,
    // Firefox's own traffic: connectivity and captive-portal checks, telemetry, Safe Browsing
    // lists, remote settings (this dummy server, honoured with MOZ_DISABLE_NONLOCAL_CONNECTIONS,
    // skips every sync). Puppeteer already turns off updates and most of the rest.
    'network.connectivity-service.enabled': false,
    'network.captive-portal-service.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'browser.safebrowsing.update.enabled': false,
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
  };
}

// Puppeteer types the result through its own unwrapping, which TypeScript cannot follow for a generic R.
const evaluateIn = <A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => Promise<R>, arg) as Promise<R>;

/**
 * Firefox's WebDriver BiDi never reports the load of a moz-extension:// page
 * (the navigation times out) although the page is there and scriptable; so
 * the navigation is started, its report ignored, and the document waited for.
 */
async function openExtensionUrl(page: Page, url: string): Promise<void> {
  void page.goto(url).catch(() => undefined);
  await pollInPage((fn, arg) => evaluateIn(page, fn, arg), (u) => location.href === u && document.readyState === 'complete', url, `${url} never loaded`);
}

/** Sets prefers-color-scheme for web content; Puppeteer cannot emulate media features over BiDi. */
const setColorScheme = (browser: Browser, scheme: 'light' | 'dark') =>
  evaluateInParent(browser, `async () => Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);

function firefoxPage(page: Page): TestPage {
  return testPage({
    goto: async (url) => {
      if (url.startsWith('moz-extension:')) await openExtensionUrl(page, url);
      else await page.goto(url);
    },
    evaluate: (fn, arg) => evaluateIn(page, fn, arg),
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.locator(selector).fill(value),
    evaluateScript: (source) => page.evaluate(source),
    setViewport: (viewport) => page.setViewport(viewport),
    setColorScheme: (scheme) => setColorScheme(page.browser(), scheme).then(() => undefined),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  });
}

/** The part of Puppeteer's BiDi connection used to run privileged code; not in its public types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Runs `expression` (an async function's source) in Firefox's parent process,
 * with privileges: WebDriver BiDi allows this with --remote-allow-system-access.
 */
async function evaluateInParent(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (context === undefined) throw new Error('no browser window to evaluate in');
  const { result } = await connection.send('script.evaluate', { expression: `(${expression})()`, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  const outcome = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
  if (outcome.type !== 'success') throw new Error(`privileged evaluation failed: ${outcome.exceptionDetails?.text ?? JSON.stringify(outcome)}`);
  return outcome.result?.value;
}

/** Headless Firefox driven by puppeteer-core over WebDriver BiDi, the extension installed from dist/firefox. */
export const firefoxDriver: Driver = {
  name: 'firefox',
  async start(sites, options) {
    // Debian's firefox-esr ships English only; another UI language needs a language pack.
    if (options.locale !== undefined && options.locale !== 'en') throw new Error(`Firefox runs in English only here, not ${options.locale}`);
    const dist = DIST.firefox;
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
    const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
    const addonId = manifest.browser_specific_settings.gecko.id;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // Navigating to moz-extension:// pages and privileged evaluation (stopBackground, clipboardText) need it.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: preferences(addonId, sites.port),
      ...(options.profile === undefined ? {} : { userDataDir: options.profile }),
    });
    try {
      await browser.installExtension(dist);
      const newPage = async (url?: string) => {
        const page = await browser.newPage();
        page.setDefaultTimeout(WAIT_MS);
        if (url !== undefined) await firefoxPage(page).goto(url);
        return page;
      };
      // Tests evaluate in this page: Firefox's background is an event page tests cannot reach.
      const control = await newPage(`${ORIGIN}options.html`);
      return {
        openExtensionPage: async (path) => firefoxPage(await newPage(`${ORIGIN}${path}`)),
        newPage: async (url) => firefoxPage(await newPage(url)),
        evaluateInExtension: (fn, arg) => evaluateIn(control, fn, arg),
        addCookie: ({ name, value, domain }) => browser.setCookie({ name, value, domain, path: '/' }),
        // Read in the parent process: an extension page may read the clipboard only with clipboardRead, which whoserves does not ask for.
        clipboardText: async () => String(await evaluateInParent(browser, `async () => {
          const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
          transfer.init(null);
          transfer.addDataFlavor('text/plain');
          Services.clipboard.getData(transfer, Services.clipboard.kGlobalClipboard, null);
          const data = {};
          transfer.getTransferData('text/plain', data);
          return data.value.QueryInterface(Ci.nsISupportsString).data;
        }`)),
        // What about:debugging's "Terminate Background Script" does; idle checks are skipped, so it always stops.
        async stopBackground() {
          const state = await evaluateInParent(browser, `async () => {
            const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
            const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
            if (extension.backgroundState !== 'stopped') await extension.terminateBackground({ disableResetIdleForTest: true, ignoreDevToolsAttached: true });
            return extension.backgroundState;
          }`);
          if (state !== 'stopped') throw new Error(`the event page is ${String(state)}, not stopped`);
        },
        close: () => browser.close(),
      };
    } catch (err) {
      await browser.close();
      throw err;
    }
  },
};
