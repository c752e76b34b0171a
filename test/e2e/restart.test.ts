/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drivers } from './harness/drivers.js';
import { launch, useResolver, waitUntilRecorded } from './harness/extension-browser.js';
import { startSites, type SiteServer } from './harness/sites.js';
import { company, lookupFinished } from './harness/suite.js';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';
import { startRdapServer, type RdapServer } from '../helpers/rdap-server.js';

for (const driver of drivers) {
  describe(`a browser restart in ${driver.name}`, function () {
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
      let ext = await launch(driver, sites, { profile });
      const page = await ext.newPage();
      await useResolver(ext, doh.url, rdap.url);
      await page.goto('http://cf-site.test/');
      await waitUntilRecorded(ext, 'cf-site.test');
      const popup = await ext.openPopup(`tabId=${await ext.tabIdOf('http://cf-site.test/')}`);
      await popup.waitForSelector(company('cloudflare', 'edge'));
      await lookupFinished(popup);
      await ext.close();

      ext = await launch(driver, sites, { profile });
      try {
        const stored = await ext.evaluateInExtension(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) }), undefined);
        const settings = stored.local.settings as { resolver: string; rdapServer: string };
        assert.equal(settings.resolver, doh.url);
        assert.equal(settings.rdapServer, rdap.url);
        assert.ok('cf-site.test' in (stored.local.history as Record<string, unknown>), 'history survived');
        const seenHosts = Object.entries(stored.session).flatMap(([k, v]) => (k.startsWith('tab:') ? [(v as { current?: { host: string } }).current?.host] : []));
        assert.ok(!seenHosts.includes('cf-site.test'), `what was seen of tabs is gone: ${seenHosts.join()}`);
      } finally {
        await ext.close();
      }
    });
  });
}
