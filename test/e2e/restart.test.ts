/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, tabIdOf, waitUntilRecorded, waitUntilWatching } from './harness/browser.js';
import { startSites, type SiteServer } from './harness/sites.js';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';
import { startRdapServer, type RdapServer } from '../helpers/rdap-server.js';

describe('a browser restart', function () {
  let sites: SiteServer;
  let doh: DohServer;
  let rdap: RdapServer;
  let profile: string;

  before(async () => {
    sites = await startSites();
    doh = await startDohServer({});
    rdap = await startRdapServer({});
    profile = await mkdtemp(join(tmpdir(), 'whoserves-restart-'));
  });
  after(async () => {
    await sites?.close();
    await doh?.close();
    await rdap?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('keeps settings and history, and starts with no tab state', async () => {
    let ext = await launchWithExtension(sites.port, { profile });
    const page = await ext.context.newPage();
    await waitUntilWatching(ext, page);
    await ext.useResolver(doh.url, rdap.url);
    await page.goto('http://cf-site.test/');
    await waitUntilRecorded(ext.worker, 'cf-site.test');
    const popup = await ext.openPopup(`tabId=${await tabIdOf(ext.worker, 'http://cf-site.test/')}`);
    await popup.locator('[data-role="edge"] [data-provider="cloudflare"]').waitFor();
    await popup.locator('[data-role="email"]:not([aria-busy="true"])').waitFor();
    await ext.close();

    ext = await launchWithExtension(sites.port, { profile });
    try {
      const stored = await ext.worker.evaluate(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) }));
      const settings = stored.local.settings as { resolver: string; rdapServer: string };
      assert.equal(settings.resolver, doh.url);
      assert.equal(settings.rdapServer, rdap.url);
      assert.ok('cf-site.test' in (stored.local.history as Record<string, unknown>), 'history survived');
      assert.deepEqual(Object.keys(stored.session).filter((k) => k.startsWith('tab:')), [], 'what was seen of tabs is gone');
    } finally {
      await ext.close();
    }
  });
});
