// `npm run screenshots`: the popup's states at its real size (380×600), light
// and dark, and each in German, rendered in headless Chromium into
// docs/screenshots/ from the local sites, resolver and registry the
// end-to-end tests use.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromiumDriver } from '../test/e2e/harness/chromium.js';
import { launch, useResolver, waitUntilRecorded, waitUntilRemembered, type ExtensionBrowser } from '../test/e2e/harness/extension-browser.js';
import type { TestPage } from '../test/e2e/harness/page.js';
import { startSites } from '../test/e2e/harness/sites.js';
import { WORLD_REGISTRY, WORLD_SERVFAIL, WORLD_ZONE } from '../test/e2e/harness/world.js';
import { startDohServer } from '../test/helpers/doh-server.js';
import { startRdapServer } from '../test/helpers/rdap-server.js';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

interface Shot {
  name: string;
  /** A page loaded in the tab first (the toolbar popup), or a host looked up (a link). */
  tab?: string;
  host?: string;
  /** What a person opens before looking. */
  open?: string;
  /** Waits for more than the finished lookup (a resource recorded after the page). */
  remembered?: string;
}

const SHOTS: Shot[] = [
  { name: 'proxied', host: 'www.proxied.example' },
  { name: 'proxied-evidence', host: 'www.proxied.example', open: '[data-company="amazon"] summary' },
  { name: 'origin', host: 'origin.example' },
  { name: 'platform', tab: 'http://platform.test/' },
  { name: 'cloudflare-tab', tab: 'http://cf-site.test/' },
  { name: 'resources', tab: 'http://links.test/', open: '[data-resources] summary', remembered: 'd1e2e3example.cloudfront.net' },
  { name: 'challenge', tab: 'http://challenged.test/' },
  { name: 'errors', host: 'www.errors.example' },
  { name: 'not-found', host: 'nope.example' },
];

async function shoot(ext: ExtensionBrowser, tab: TestPage, shot: Shot, schemes: readonly ('light' | 'dark')[], suffix = ''): Promise<void> {
  let query = `host=${shot.host ?? ''}`;
  if (shot.tab !== undefined) {
    await tab.goto(shot.tab);
    await waitUntilRecorded(ext, new URL(shot.tab).hostname);
    if (shot.remembered !== undefined) await waitUntilRemembered(ext, shot.remembered);
    query = `tabId=${await ext.tabIdOf(shot.tab)}`;
  }
  const popup = await ext.openPopup(query);
  await popup.popupSize();
  await popup.waitForSelector('.site-host, .notice');
  await popup.waitUntilGone('[data-step][data-state="pending"]');
  if (shot.open !== undefined) await popup.click(shot.open);
  for (const scheme of schemes) {
    const file = `${shot.name}${suffix}-${scheme}.png`;
    await popup.screenshot(`${out}${file}`, { colorScheme: scheme });
    console.log(`docs/screenshots/${file}`);
  }
  await popup.close();
}

await mkdir(out, { recursive: true });
const sites = await startSites();
const doh = await startDohServer(WORLD_ZONE, { servfail: WORLD_SERVFAIL });
const rdap = await startRdapServer(WORLD_REGISTRY);
try {
  for (const locale of ['en', 'de'] as const) {
    const ext = await launch(chromiumDriver, sites, { locale });
    try {
      const tab = await ext.newPage();
      await useResolver(ext, doh.url, rdap.url, locale);
      if (locale === 'en') for (const shot of SHOTS) await shoot(ext, tab, shot, ['light', 'dark']);
      else for (const shot of SHOTS) await shoot(ext, tab, shot, ['light'], '-de');
    } finally {
      await ext.close();
    }
  }
} finally {
  await sites.close();
  await doh.close();
  await rdap.close();
}
