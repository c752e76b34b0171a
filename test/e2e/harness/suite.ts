import assert from 'node:assert/strict';
import { launch, useResolver, waitUntilRecorded, type Driver, type ExtensionBrowser } from './extension-browser.js';
import type { TestPage } from './page.js';
import { startSites, type SiteServer } from './sites.js';
import { startDohServer, type DohBehaviour, type DohServer, type Zone } from '../../helpers/doh-server.js';
import { startRdapServer, type RdapServer } from '../../helpers/rdap-server.js';

/** What the browser asked of names no test site has: only hosts the tests made up (never a browser vendor's service). */
const MADE_UP = /^(CONNECT [a-z0-9.-]+\.(test|example):443|[A-Z]+ http:\/\/[a-z0-9.-]+\.(test|example)\/\S*)$/;

export interface Suite {
  sites: SiteServer;
  doh: DohServer;
  rdap: RdapServer;
  ext: ExtensionBrowser;
  /** One web tab the tests load sites in; each test loads what it needs first. */
  page: TestPage;
  /** Loads `url` in the suite's tab, waits until the extension recorded it, and gives the tab's id. */
  loadInTab(url: string): Promise<number>;
  /** The popup for the suite's tab, after loading `url` in it. */
  popupForTab(url: string): Promise<TestPage>;
}

/**
 * Registers the hooks of one browser's suite (inside a `describe`): local
 * sites, a DoH resolver with `zone` and an RDAP server with `registry`, set in
 * the options page as a person would; the browser started once. After the
 * suite, it checks that nothing tried to reach a real service.
 */
export function extensionSuite(driver: Driver, zone: Zone, registry: Record<string, unknown>, behaviour: DohBehaviour = {}): Suite {
  const suite = {} as Suite;
  before(async () => {
    suite.sites = await startSites();
    suite.doh = await startDohServer(zone, behaviour);
    suite.rdap = await startRdapServer(registry);
    suite.ext = await launch(driver, suite.sites);
    suite.page = await suite.ext.newPage();
    await useResolver(suite.ext, suite.doh.url, suite.rdap.url);
  });
  after(async () => {
    await suite.ext?.close();
    await suite.sites?.close();
    await suite.doh?.close();
    await suite.rdap?.close();
    const strays = suite.sites?.refused.filter((r) => !MADE_UP.test(r)) ?? [];
    assert.deepEqual(strays, [], 'requests that would have left the machine');
  });
  suite.loadInTab = async (url) => {
    await suite.page.goto(url);
    await waitUntilRecorded(suite.ext, new URL(url).hostname);
    return suite.ext.tabIdOf(url);
  };
  suite.popupForTab = async (url) => suite.ext.openPopup(`tabId=${await suite.loadInTab(url)}`);
  return suite;
}

/** Waits until a popup's lookup has finished: no step still in progress. */
export const lookupFinished = (popup: TestPage) => popup.waitUntilGone('[data-step][data-state="pending"]');

/** A company's row in the popup, with a role it plays. */
export const company = (id: string, role: string) => `[data-company="${id}"][data-roles~="${role}"]`;
