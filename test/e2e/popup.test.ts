/// <reference types="chrome" />
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { activeTabId, launchWithExtension, waitUntilWatching, tabIdOf, waitUntilRecorded, waitUntilRemembered, type ExtensionBrowser } from './harness/browser.js';
import { SITES, startSites, type SiteServer } from './harness/sites.js';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';
import { domainObject, networkObject, startRdapServer, type RdapServer } from '../helpers/rdap-server.js';

describe('extension in headless Chromium', function () {
  let sites: SiteServer;
  let doh: DohServer;
  let rdap: RdapServer;
  let ext: ExtensionBrowser;
  let page: Page;

  before(async function () {
    sites = await startSites();
    // The resolver for live lookups: the only one that knows www.shop.example.
    doh = await startDohServer({
      'www.shop.example': { CNAME: 'd111111abcdef8.cloudfront.net' },
      'd111111abcdef8.cloudfront.net': { A: ['13.32.1.1'] },
      'shop.example': { NS: ['ns-1234.awsdns-56.org', 'ns-77.awsdns-09.com'], SOA: 'ns-1234.awsdns-56.org', MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
      'probe-me.test': { A: ['151.101.1.1'] }, // public: the probe skips private addresses; the browser still connects locally
      // Looked up once, by the privacy test, so no cache hides its requests.
      'www.privacy-check.example': { CNAME: 'd2222.cloudfront.net' },
      'd2222.cloudfront.net': { A: ['13.32.1.2'] },
      'privacy-check.example': { NS: ['ns-1.awsdns-01.org'], MX: ['aspmx.l.google.com'] },
      'www.slow.example': { A: ['13.32.1.3'] },
    }, { slow: { 'www.slow.example': 2500 } });
    rdap = await startRdapServer({
      'domain/shop.example': domainObject('shop.example', { name: 'Example Registrar, Inc.', ianaId: '9999', abuseEmail: 'abuse@registrar.example' }),
      'domain/privacy-check.example': domainObject('privacy-check.example', { name: 'Another Registrar', ianaId: '8888', abuseEmail: 'abuse@another.example' }),
      'ip/13.32.1.1': networkObject('13.32.0.0', '13.33.255.255', 'AMAZON-CF', 'Amazon.com, Inc.', 'abuse@amazonaws.com'),
    });
    ext = await launchWithExtension(sites.port);
    page = await ext.context.newPage();
    await waitUntilWatching(ext, page);
    await ext.useResolver(doh.url, rdap.url);
  });

  after(async () => {
    await ext?.close();
    await sites?.close();
    await doh?.close();
    await rdap?.close();
  });

  async function popupForTab(url: string): Promise<Page> {
    await page.goto(url);
    await waitUntilRecorded(ext.worker, new URL(url).hostname);
    return ext.openPopup(`tabId=${await tabIdOf(ext.worker, url)}`);
  }

  it('names Cloudflare as the edge of a site answering with Cloudflare headers, with evidence', async () => {
    const popup = await popupForTab('http://cf-site.test/');
    const card = popup.locator('[data-role="edge"] [data-provider="cloudflare"]');
    await card.waitFor();
    assert.equal(await popup.locator('.site-host').textContent(), 'cf-site.test');
    assert.match(await card.locator('.provider-name').textContent() ?? '', /^Cloudflare$/);
    await card.locator('summary').click();
    const evidence = await card.locator('.evidence-list').innerText();
    assert.match(evidence, /cf-ray: 8c2b1d3e4f5a6b7c-FRA/);
    assert.match(evidence, /server: cloudflare/);
    assert.match(evidence, /__cf_bm/, 'the cookie name is evidence');
    assert.doesNotMatch(evidence, /secretvalue/, 'cookie values are never kept');
    assert.match(await popup.locator('.site-connection').textContent() ?? '', /Connected to 127\.0\.0\.1 \(this computer\) · HTTP 200/);
    assert.match(await popup.locator('.notice').last().textContent() ?? '', /Origin hidden behind Cloudflare/);
    assert.equal(await card.locator('.abuse a').getAttribute('href'), 'https://www.cloudflare.com/abuse/');
    await popup.close();
  });

  it('credits its data and says what it sends, on the about page the popup links to', async () => {
    const about = await ext.context.newPage();
    await about.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await about.getByText(/Provider catalogue: \d+ providers/).waitFor();
    const text = await about.locator('main').innerText();
    assert.match(text, /@ip-location-db\/asn, version \d/);
    assert.match(text, /CC BY 4\.0/);
    assert.match(text, /asks your DNS-over-HTTPS resolver about the site's host name and registrable domain/);
    assert.match(text, /no whoserves server and no telemetry/);
    await about.close();
  });

  it('sets the toolbar badge for the tab from what the browser saw', async () => {
    const tabId = await tabIdOf(ext.worker, 'http://cf-site.test/');
    const text = await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    assert.equal(text, 'CF');
  });

  it('says no CDN or proxy was detected for a plain nginx origin', async () => {
    const popup = await popupForTab('http://plain.test/');
    await popup.getByText('No CDN or proxy detected').waitFor();
    assert.equal(await popup.locator('[data-provider]').count(), 0);
    assert.match(await popup.locator('[data-role="edge"]').innerText(), /talked to 127\.0\.0\.1/);
    const tabId = await tabIdOf(ext.worker, 'http://plain.test/');
    assert.equal(await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '');
    await popup.close();
  });

  it('groups the hosts a page loaded from by who serves them', async () => {
    const popup = await popupForTab('http://links.test/');
    await waitUntilRemembered(ext.worker, 'assets.test');
    await popup.reload();
    await popup.locator('[data-role="resources"] summary').click();
    const group = popup.locator('[data-group="fastly"]');
    await group.waitFor();
    assert.match(await group.innerText(), /Fastly · Edge[\s\S]*assets\.test ×1 third-party/);
    await popup.close();
  });

  it('groups resource hosts at public addresses by their network, from shards fetched after a wake', async () => {
    await page.goto('http://links.test/');
    await waitUntilRecorded(ext.worker, 'links.test');
    const tabId = await tabIdOf(ext.worker, 'http://links.test/');
    const key = `tab:${tabId}`;
    const record = (await ext.worker.evaluate((k) => chrome.storage.session.get(k), key))[key] as { resources: Record<string, unknown> };
    // The local sites all answer from 127.0.0.1, which names no network: give two hosts the addresses a CDN would.
    record.resources['cdn.public.test'] = { count: 2, ip: '104.16.1.1' };
    record.resources['v6.public.test'] = { count: 1, ip: '2a04:4e42::1' };
    await ext.stopWorker({ setSession: { [key]: record } });
    const popup = await ext.openPopup(`tabId=${tabId}`);
    await popup.locator('[data-role="resources"] summary').click();
    assert.match(await popup.locator('[data-group="cloudflare"]').innerText(), /Cloudflare · Edge[\s\S]*cdn\.public\.test ×2 third-party/);
    assert.match(await popup.locator('[data-group="fastly"]').innerText(), /v6\.public\.test ×1 third-party/);
    await popup.close();
  });

  it('looks up a link\'s host from what the browser already saw (context-menu lookup)', async () => {
    await page.goto('http://links.test/');
    await waitUntilRemembered(ext.worker, 'assets.test');
    const popup = await ext.openPopup('host=assets.test');
    await popup.locator('[data-role="edge"] [data-provider="fastly"]').waitFor();
    assert.match(await popup.locator('.lookup-label').textContent() ?? '', /Lookup from a link/);
    await popup.close();
  });

  it('looks up over DNS a host only the resolver knows, and shows its CDN, DNS and mail providers', async () => {
    const popup = await ext.openPopup('host=www.shop.example');
    const edge = popup.locator('[data-role="edge"] [data-provider="amazon"]');
    await edge.waitFor();
    assert.match(await edge.innerText(), /CloudFront/);
    assert.match(await popup.locator('[data-role="dns"] [data-provider="amazon"]').innerText(), /Route 53/);
    await popup.locator('[data-role="email"] [data-provider="google"]').waitFor();
    assert.match(await popup.locator('.site-connection').innerText(), /Resolves to 13\.32\.1\.1/);
    await popup.locator('[data-role="edge"] summary').first().click();
    assert.match(await edge.locator('.evidence-list').innerText(), /CNAME chain reaches d111111abcdef8\.cloudfront\.net/);
    assert.ok(doh.queries.includes('NS shop.example') && doh.queries.includes('MX shop.example'), doh.queries.join());
    await popup.locator('[data-role="registrar"]').getByText('Example Registrar, Inc.').waitFor();
    assert.equal(await popup.locator('[data-role="registrar"] .abuse a').getAttribute('href'), 'mailto:abuse@registrar.example');
    assert.match(await popup.locator('[data-network]').innerText(), /AMAZON-CF · 13\.32\.0\.0 – 13\.33\.255\.255 · Amazon\.com, Inc\. · abuse@amazonaws\.com/);
    assert.ok(rdap.paths.includes('/domain/shop.example') && rdap.paths.includes('/ip/13.32.1.1'), rdap.paths.join());
    assert.ok(!rdap.paths.includes('/domain/www.shop.example'), 'the registry gets the registrable domain, not the host');
    await popup.close();
  });

  it('asks a link\'s site for its headers, without cookies, when the browser never loaded it', async () => {
    await ext.context.addCookies([{ name: 'session', value: 'secret', domain: 'probe-me.test', path: '/' }]);
    const popup = await ext.openPopup('host=probe-me.test');
    const edge = popup.locator('[data-role="edge"] [data-provider="fastly"]');
    await edge.waitFor();
    await edge.locator('summary').click();
    assert.match(await edge.locator('.evidence-list').innerText(), /x-fastly-request-id: f00d/);
    assert.match(await popup.locator('.site-connection').innerText(), /Connected to 127\.0\.0\.1/);
    const probes = sites.log.filter((r) => r.host === 'probe-me.test');
    assert.ok(probes.length >= 1 && probes.every((r) => r.method === 'HEAD' && r.cookie === undefined), JSON.stringify(probes));
    await popup.close();
  });

  it('says plainly when the page is the edge provider\'s challenge page, not the site', async () => {
    const popup = await popupForTab('http://challenged.test/');
    await popup.getByText("This is Cloudflare's challenge page, not the site").waitFor();
    assert.match(await popup.locator('main').innerText(), /cf-mitigated: challenge with status 403/);
    await popup.locator('[data-role="edge"] [data-provider="cloudflare"]').waitFor();
    await popup.close();
  });

  it('tells when the edge of a site moved since it was last looked at', async () => {
    let popup = await popupForTab('http://moving.test/');
    await popup.locator('[data-role="edge"] [data-provider="cloudflare"]').waitFor();
    await popup.close();
    SITES['moving.test'] = { headers: { 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': 'moved' }, body: 'moved' };
    popup = await popupForTab('http://moving.test/');
    await popup.locator('[data-role="edge"] [data-provider="fastly"]').waitFor();
    await popup.getByText(/moved from Cloudflare to Fastly/).waitFor();
    await popup.close();
  });

  it('copies the report as Markdown and as JSON', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await popupForTab('http://cf-site.test/');
    await popup.locator('[data-role="edge"] [data-provider="cloudflare"]').waitFor();
    await popup.getByRole('button', { name: 'Copy report (Markdown)' }).click();
    await popup.getByText('Copied.').waitFor();
    const markdown = await popup.evaluate(() => navigator.clipboard.readText());
    assert.match(markdown, /^# Who serves cf-site\.test/);
    assert.match(markdown, /\*\*Cloudflare\*\*/);
    await popup.getByRole('button', { name: 'Copy report (JSON)' }).click();
    const json = JSON.parse(await popup.evaluate(() => navigator.clipboard.readText())) as { host: string; providers: { id: string }[] };
    assert.equal(json.host, 'cf-site.test');
    assert.equal(json.providers[0]?.id, 'cloudflare');
    await popup.close();
  });

  it('looks up whatever is typed in the search box', async () => {
    const popup = await popupForTab('http://plain.test/');
    await popup.getByText('No CDN or proxy detected').waitFor();
    await popup.getByRole('searchbox', { name: 'Look up a host, URL or IP address' }).fill('https://www.shop.example/any/path');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.locator('[data-role="edge"] [data-provider="amazon"]').waitFor();
    assert.equal(await popup.locator('.site-host').textContent(), 'www.shop.example');
    await popup.close();
  });

  it('answers typed input as the bad-input matrix says: a normalised host or the reason', async () => {
    const popup = await ext.openPopup('host=www.shop.example');
    await popup.locator('.site-host').waitFor();
    const rows: [string, RegExp][] = [
      ['mailto:someone@example.com', /This is not a web address/],
      ['word', /A single word is not a host name/],
      [`${'a'.repeat(64)}.com`, /longer than 63 characters/],
      ['  WWW.Shop.Example.  ', /^www\.shop\.example$/],
      ['münchen.de', /^xn--mnchen-3ya\.de$/],
      ['[fe80::1%25eth0]', /^fe80::1$/],
    ];
    for (const [input, expected] of rows) {
      await popup.getByRole('searchbox', { name: 'Look up a host, URL or IP address' }).fill(input);
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.waitForFunction((re) => [...document.querySelectorAll('.site-host, .notice-body')].some((e) => new RegExp(re).test(e.textContent ?? '')), expected.source);
      // Let the live lookup finish, so no request of this test runs on into the next.
      await popup.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    }
    await popup.close();
  });

  it('sends nothing but what the privacy statement lists during a lookup', async () => {
    // The worker's own webRequest view of every request the extension makes (tabId -1).
    await ext.worker.evaluate(() => {
      const g = globalThis as unknown as { sent: string[] };
      g.sent = [];
      chrome.webRequest.onBeforeRequest.addListener((d) => {
        if (d.tabId === -1) g.sent.push(`${d.method} ${d.url}`);
      }, { urls: ['<all_urls>'] });
    });
    const popup = await ext.openPopup('host=www.privacy-check.example');
    await popup.locator('[data-role="registrar"]').getByText('Another Registrar').waitFor();
    // An address in the person's own network is looked at, never asked anything.
    await popup.getByRole('searchbox', { name: 'Look up a host, URL or IP address' }).fill('192.168.1.1');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByText(/192\.168\.1\.1 \(private network\)/).waitFor();
    await popup.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    await popup.close();
    const sent = await ext.worker.evaluate(() => (globalThis as unknown as { sent: string[] }).sent);
    const allowed = [
      new RegExp(`^GET ${doh.url.replace(/[.?]/g, '\\$&')}\\?dns=`), // the resolver: DNS questions
      new RegExp(`^GET ${rdap.url}domain/privacy-check\\.example$`), // the registry: the registrable domain
      new RegExp(`^GET ${rdap.url}ip/13\\.32\\.1\\.2$`), // the regional registry: the address
      /^HEAD https?:\/\/www\.privacy-check\.example\/$/, // the site of a link never opened: one HEAD
    ];
    assert.ok(sent.some((r) => r.includes('dns=')) && sent.some((r) => r.includes('/domain/')) && sent.some((r) => r.includes('/ip/')), sent.join('\n'));
    for (const request of sent) assert.ok(allowed.some((re) => re.test(request)), `unexpected request: ${request}`);
  });

  it('says plainly when a looked-up host cannot be found', async () => {
    const popup = await ext.openPopup('host=never-loaded.test');
    await popup.getByText('Nothing seen from never-loaded.test yet').waitFor();
    await popup.getByText('The DNS lookup failed').waitFor();
    assert.match(await popup.locator('main').innerText(), /never-loaded\.test does not exist \(NXDOMAIN\)/);
    await popup.close();
  });

  it('explains that browser pages cannot be inspected', async () => {
    const blank = await ext.context.newPage();
    await blank.goto('about:blank');
    const tabId = await activeTabId(ext.worker);
    const popup = await ext.openPopup(`tabId=${tabId}`);
    await popup.getByText('The browser does not let extensions see this page').waitFor();
    await popup.close();
    await blank.close();
  });

  it('says when a context-menu lookup names no host', async () => {
    const popup = await ext.openPopup(`host=${encodeURIComponent('mailto:someone@example.test')}`);
    await popup.getByText('This is not a web address: only http and https sites are served by hosting companies.').waitFor();
    await popup.close();
  });

  it('refuses messages from the wrong sender or with a malformed payload', async () => {
    const popup = await ext.openPopup('host=assets.test');
    await popup.locator('[data-provider]').first().waitFor();
    const errors = await popup.evaluate(async () => {
      const messages: unknown[] = [
        { name: 'pageSeen', payload: { url: 'http://evil.test/', resourceHosts: [] } },
        { name: 'tabView', payload: { tabId: 'one' } },
        { name: 'deleteEverything', payload: {} },
        'hello',
      ];
      const answers: string[] = [];
      for (const m of messages) answers.push(await chrome.runtime.sendMessage(m).then(() => 'accepted', (e: Error) => e.message));
      return answers;
    });
    assert.match(errors[0] ?? '', /pageSeen must come from a content script/);
    assert.match(errors[1] ?? '', /tabView: malformed payload/);
    assert.match(errors[2] ?? '', /unknown message/);
    assert.match(errors[3] ?? '', /unknown message/);
    await popup.close();
  });

  it('never leaves a spinner when the worker is stopped mid-lookup: it says so, and a retry answers', async () => {
    const popup = await ext.openPopup('host=www.slow.example');
    await popup.locator('[aria-busy="true"]').first().waitFor();
    await ext.stopWorker();
    await popup.getByText('The DNS lookup failed').waitFor();
    await popup.getByRole('button', { name: 'Try again' }).click();
    await popup.locator('[data-role="edge"] [data-provider="amazon"]').waitFor();
    await popup.close();
  });

  it('keeps what it saw of a tab when the browser stops the worker', async () => {
    await page.goto('http://cf-site.test/');
    await waitUntilRecorded(ext.worker, 'cf-site.test');
    const tabId = await tabIdOf(ext.worker, 'http://cf-site.test/');
    await ext.stopWorker();
    const popup = await ext.openPopup(`tabId=${tabId}`);
    await popup.locator('[data-role="edge"] [data-provider="cloudflare"]').waitFor();
    await popup.close();
  });

  it('offers a reload for a page loaded before the extension was watching, and then answers', async () => {
    await page.goto('http://cf-site.test/');
    await waitUntilRecorded(ext.worker, 'cf-site.test');
    const tabId = await tabIdOf(ext.worker, 'http://cf-site.test/');
    await ext.stopWorker({ clearSession: true }); // what an install or update leaves behind
    const popup = await ext.openPopup(`tabId=${tabId}`);
    await popup.getByText('Reload to see who serves this page').waitFor();
    await popup.getByRole('button', { name: 'Reload page' }).click();
    await popup.locator('[data-role="edge"] [data-provider="cloudflare"]').waitFor();
    await popup.close();
  });
});
