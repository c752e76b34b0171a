import { chromium, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, chromiumPath } from './browser-paths.js';
import { extensionArgs, offlineArgs } from './chromium-args.js';
import { testPage, WAIT_MS, type TestPage } from './page.js';
import type { Driver } from './extension-browser.js';

// Playwright types the argument through its own unboxing, which TypeScript cannot follow for a generic A.
const evaluateIn = <A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate<R, unknown>(fn as (arg: unknown) => R | Promise<R>, arg);

function chromiumPage(page: Page): TestPage {
  return testPage({
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => evaluateIn(page, fn, arg),
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.fill(selector, value),
    evaluateScript: (source) => page.evaluate(source),
    setViewport: (viewport) => page.setViewportSize(viewport),
    setColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  });
}

/** Headless Chromium driven by playwright-core, the extension loaded unpacked from dist/chrome. */
export const chromiumDriver: Driver = {
  name: 'chromium',
  async start(sites, options) {
    const dist = DIST.chromium;
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
    const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'whoserves-e2e-')));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      // Every *.test name is the site server; nothing else resolves (chromium-args.ts).
      args: [...extensionArgs(dist), ...offlineArgs(sites.port), `--lang=${options.locale ?? 'en'}`],
      // On Linux the UI language (the extension's i18n) comes from the environment.
      env: { ...process.env, LANGUAGE: options.locale ?? 'en' },
      locale: options.locale ?? 'en',
    });
    context.setDefaultTimeout(WAIT_MS);
    // What a person's click allows a page: the popup's copy buttons write, and tests read back.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}/`;
    const openExtensionPage = async (path: string) => {
      const page = await context.newPage();
      await page.goto(`${origin}${path}`);
      return page;
    };
    // Tests evaluate in this page rather than in the worker, which stopBackground stops.
    const control = await openExtensionPage('options.html');
    return {
      openExtensionPage: async (path) => chromiumPage(await openExtensionPage(path)),
      async newPage(url) {
        const page = await context.newPage();
        if (url !== undefined) await page.goto(url);
        return chromiumPage(page);
      },
      evaluateInExtension: (fn, arg) => evaluateIn(control, fn, arg),
      addCookie: ({ name, value, domain }) => context.addCookies([{ name, value, domain, path: '/' }]),
      // Playwright emulates focus for every page, which reading the clipboard needs.
      clipboardText: () => control.evaluate(() => navigator.clipboard.readText()),
      async stopBackground() {
        const cdp = await context.newCDPSession(control);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
      },
      async close() {
        await context.close();
        if (options.profile === undefined) await rm(profile, { recursive: true, force: true });
      },
    };
  },
};
