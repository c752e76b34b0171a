/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { drivers } from './harness/drivers.js';
import { launch, useResolver, waitInExtension, waitUntilRecorded, waitUntilRemembered, type ExtensionBrowser } from './harness/extension-browser.js';
import { poll, type TestPage } from './harness/page.js';
import { startSites, type SiteServer } from './harness/sites.js';
import { startDohServer, type DohServer } from '../helpers/doh-server.js';
import { domainObject, networkObject, startRdapServer, type RdapServer } from '../helpers/rdap-server.js';

const SEARCH = 'Look up a host, URL or IP address';
const edge = (provider: string) => `[data-role="edge"] [data-provider="${provider}"]`;

/** What the browser asked of names no test site has: only hosts the tests made up (never a browser vendor's service). */
const MADE_UP = /^(CONNECT [a-z0-9.-]+\.(test|example):443|[A-Z]+ http:\/\/[a-z0-9.-]+\.(test|example)\/)$/;

for (const driver of drivers) {
  describe(`extension in headless ${driver.name}`, function () {
    let sites: SiteServer;
    let doh: DohServer;
    let rdap: RdapServer;
    let ext: ExtensionBrowser;
    /** One web tab the tests load sites in; each test loads what it needs first. */
    let page: TestPage;

    before(async function () {
      sites = await startSites();
      // The resolver for live lookups: the only one that knows www.shop.example.
      doh = await startDohServer({
        'www.shop.example': { CNAME: 'd111111abcdef8.cloudfront.net' },
        'd111111abcdef8.cloudfront.net': { A: ['13.32.1.1'] },
        'shop.example': { NS: ['ns-1234.awsdns-56.org', 'ns-77.awsdns-09.com'], SOA: 'ns-1234.awsdns-56.org', MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
        'probe-me.test': { A: ['151.101.1.1'] }, // public: the probe skips private addresses; the browser still reaches the local site
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
      ext = await launch(driver, sites);
      page = await ext.newPage();
      await useResolver(ext, doh.url, rdap.url);
    });

    after(async () => {
      await ext?.close();
      await sites?.close();
      await doh?.close();
      await rdap?.close();
      // Audits the whole suite: nothing the browser or the extension did tried to reach a real service.
      const strays = sites?.refused.filter((r) => !MADE_UP.test(r)) ?? [];
      assert.deepEqual(strays, [], 'requests that would have left the machine');
    });

    async function loadInTab(url: string): Promise<number> {
      await page.goto(url);
      await waitUntilRecorded(ext, new URL(url).hostname);
      return ext.tabIdOf(url);
    }

    async function popupForTab(url: string): Promise<TestPage> {
      return ext.openPopup(`tabId=${await loadInTab(url)}`);
    }

    const badgeOf = (tabId: number) => ext.evaluateInExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

    it('names Cloudflare as the edge of a site answering with Cloudflare headers, with evidence', async () => {
      const popup = await popupForTab('http://cf-site.test/');
      const card = edge('cloudflare');
      await popup.waitForSelector(card);
      assert.equal(await popup.innerText('.site-host'), 'cf-site.test');
      assert.equal(await popup.innerText(`${card} .provider-name`), 'Cloudflare');
      await popup.click(`${card} summary`);
      const evidence = await popup.innerText(`${card} .evidence-list`);
      assert.match(evidence, /cf-ray: 8c2b1d3e4f5a6b7c-FRA/);
      assert.match(evidence, /server: cloudflare/);
      assert.match(evidence, /__cf_bm/, 'the cookie name is evidence');
      assert.doesNotMatch(evidence, /secretvalue/, 'cookie values are never kept');
      assert.match(await popup.innerText('.site-connection'), /Connected to 127\.0\.0\.1 \(this computer\) · HTTP 200/);
      await popup.waitForText('Origin hidden behind Cloudflare', '.notice');
      assert.equal(await popup.attribute(`${card} .abuse a`, 'href'), 'https://www.cloudflare.com/abuse/');
      await popup.close();
    });

    it('credits its data and says what it sends, on the about page the popup links to', async () => {
      const about = await ext.openOptions();
      await about.waitForText(/Provider catalogue: \d+ providers/);
      const text = await about.innerText('main');
      assert.match(text, /@ip-location-db\/asn, version \d/);
      assert.match(text, /CC BY 4\.0/);
      assert.match(text, /asks your DNS-over-HTTPS resolver about the site's host name and registrable domain/);
      assert.match(text, /no whoserves server and no telemetry/);
      await about.close();
    });

    it('sets the toolbar badge for the tab from what the browser saw', async () => {
      const tabId = await loadInTab('http://cf-site.test/');
      // The badge is set once the navigation commits, a moment after the response is recorded.
      await waitInExtension(ext, async (id) => (await chrome.action.getBadgeText({ tabId: id })) !== '', tabId, 'no badge');
      assert.equal(await badgeOf(tabId), 'CF');
    });

    it('says no CDN or proxy was detected for a plain nginx origin', async () => {
      const tabId = await loadInTab('http://plain.test/');
      const popup = await ext.openPopup(`tabId=${tabId}`);
      await popup.waitForText('No CDN or proxy detected');
      assert.equal(await popup.count('[data-provider]'), 0);
      assert.match(await popup.innerText('[data-role="edge"]'), /talked to 127\.0\.0\.1/);
      assert.equal(await badgeOf(tabId), '');
      await popup.close();
    });

    it('groups the hosts a page loaded from by who serves them', async () => {
      const tabId = await loadInTab('http://links.test/');
      await waitUntilRemembered(ext, 'assets.test');
      const popup = await ext.openPopup(`tabId=${tabId}`);
      await popup.click('[data-role="resources"] summary');
      assert.match(await popup.innerText('[data-group="fastly"]'), /Fastly · Edge[\s\S]*assets\.test ×1 third-party/);
      await popup.close();
    });

    it('looks up a link\'s host from what the browser already saw (context-menu lookup)', async () => {
      await loadInTab('http://links.test/');
      await waitUntilRemembered(ext, 'assets.test');
      const popup = await ext.openPopup('host=assets.test');
      await popup.waitForSelector(edge('fastly'));
      assert.match(await popup.innerText('.lookup-label'), /Lookup from a link/i);
      await popup.close();
    });

    it('looks up over DNS a host only the resolver knows, and shows its CDN, DNS and mail providers', async () => {
      const popup = await ext.openPopup('host=www.shop.example');
      await popup.waitForSelector(edge('amazon'));
      assert.match(await popup.innerText(edge('amazon')), /CloudFront/);
      assert.match(await popup.innerText('[data-role="dns"] [data-provider="amazon"]'), /Route 53/);
      await popup.waitForSelector('[data-role="email"] [data-provider="google"]');
      assert.match(await popup.innerText('.site-connection'), /Resolves to 13\.32\.1\.1/);
      await popup.click('[data-role="edge"] summary');
      assert.match(await popup.innerText(`${edge('amazon')} .evidence-list`), /CNAME chain reaches d111111abcdef8\.cloudfront\.net/);
      assert.ok(doh.queries.includes('NS shop.example') && doh.queries.includes('MX shop.example'), doh.queries.join());
      await popup.waitForText('Example Registrar, Inc.', '[data-role="registrar"]');
      assert.equal(await popup.attribute('[data-role="registrar"] .abuse a', 'href'), 'mailto:abuse@registrar.example');
      assert.match(await popup.innerText('[data-network]'), /AMAZON-CF · 13\.32\.0\.0 – 13\.33\.255\.255 · Amazon\.com, Inc\. · abuse@amazonaws\.com/);
      assert.ok(rdap.paths.includes('/domain/shop.example') && rdap.paths.includes('/ip/13.32.1.1'), rdap.paths.join());
      assert.ok(!rdap.paths.includes('/domain/www.shop.example'), 'the registry gets the registrable domain, not the host');
      await popup.close();
    });

    it('asks a link\'s site for its headers, without cookies, when the browser never loaded it', async () => {
      await ext.addCookie({ name: 'session', value: 'secret', domain: 'probe-me.test' });
      const popup = await ext.openPopup('host=probe-me.test');
      await popup.waitForSelector(edge('fastly'));
      await popup.click(`${edge('fastly')} summary`);
      assert.match(await popup.innerText(`${edge('fastly')} .evidence-list`), /x-fastly-request-id: f00d/);
      assert.match(await popup.innerText('.site-connection'), /Connected to 127\.0\.0\.1/);
      const probes = sites.log.filter((r) => r.host === 'probe-me.test');
      assert.ok(probes.length >= 1 && probes.every((r) => r.method === 'HEAD' && r.cookie === undefined), JSON.stringify(probes));
      await popup.close();
    });

    it('says plainly when the page is the edge provider\'s challenge page, not the site', async () => {
      const popup = await popupForTab('http://challenged.test/');
      await popup.waitForText("This is Cloudflare's challenge page, not the site");
      assert.match(await popup.innerText('main'), /cf-mitigated: challenge with status 403/);
      await popup.waitForSelector(edge('cloudflare'));
      await popup.close();
    });

    it('tells when the edge of a site moved since it was last looked at', async () => {
      let popup = await popupForTab('http://moving.test/');
      await popup.waitForSelector(edge('cloudflare'));
      await popup.close();
      sites.serve('moving.test', { headers: { 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': 'moved' }, body: 'moved' });
      popup = await popupForTab('http://moving.test/');
      await popup.waitForSelector(edge('fastly'));
      await popup.waitForText(/moved from Cloudflare to Fastly/);
      await popup.close();
    });

    it('copies the report as Markdown and as JSON', async () => {
      const popup = await popupForTab('http://cf-site.test/');
      await popup.waitForSelector(edge('cloudflare'));
      await popup.clickRole('button', 'Copy report (Markdown)');
      await popup.waitForText('Copied.');
      const markdown = await ext.clipboardText();
      assert.match(markdown, /^# Who serves cf-site\.test/);
      assert.match(markdown, /\*\*Cloudflare\*\*/);
      await popup.close();
      // A fresh popup, so "Copied." is about this copy and not the one before.
      const again = await ext.openPopup('host=cf-site.test');
      await again.waitForSelector(edge('cloudflare'));
      await again.clickRole('button', 'Copy report (JSON)');
      await again.waitForText('Copied.');
      const json = JSON.parse(await ext.clipboardText()) as { host: string; providers: { id: string }[] };
      assert.equal(json.host, 'cf-site.test');
      assert.equal(json.providers[0]?.id, 'cloudflare');
      await again.close();
    });

    it('looks up whatever is typed in the search box', async () => {
      const popup = await popupForTab('http://plain.test/');
      await popup.waitForText('No CDN or proxy detected');
      await popup.fill(SEARCH, 'https://www.shop.example/any/path');
      await popup.clickRole('button', 'Look up');
      await popup.waitForSelector(edge('amazon'));
      assert.equal(await popup.innerText('.site-host'), 'www.shop.example');
      await popup.close();
    });

    it('answers typed input as the bad-input matrix says: a normalised host or the reason', async () => {
      const popup = await ext.openPopup('host=www.shop.example');
      await popup.waitForSelector('.site-host');
      const rows: [string, RegExp][] = [
        ['mailto:someone@example.com', /This is not a web address/],
        ['word', /A single word is not a host name/],
        [`${'a'.repeat(64)}.com`, /longer than 63 characters/],
        ['  WWW.Shop.Example.  ', /^www\.shop\.example$/],
        ['münchen.de', /^xn--mnchen-3ya\.de$/],
        ['[fe80::1%25eth0]', /^fe80::1$/],
      ];
      for (const [input, expected] of rows) {
        await popup.fill(SEARCH, input);
        await popup.clickRole('button', 'Look up');
        await popup.waitForText(expected, '.site-host, .notice-body');
        // Let the live lookup finish, so no request of this test runs on into the next.
        await popup.waitUntilGone('[aria-busy="true"]');
      }
      await popup.close();
    });

    it('sends nothing but what the privacy statement lists during a lookup', async () => {
      // The extension's own webRequest view of every request it makes outside tabs (tabId -1).
      await ext.evaluateInExtension(() => {
        const g = globalThis as unknown as { sent: string[]; record: (d: chrome.webRequest.OnBeforeRequestDetails) => undefined };
        g.sent = [];
        g.record = (d) => {
          if (d.tabId === -1) g.sent.push(`${d.method} ${d.url}`);
          return undefined;
        };
        chrome.webRequest.onBeforeRequest.addListener(g.record, { urls: ['<all_urls>'] });
      }, undefined);
      const refusedBefore = sites.refused.length;
      const popup = await ext.openPopup('host=www.privacy-check.example');
      await popup.waitForText('Another Registrar', '[data-role="registrar"]');
      // An address in the person's own network is looked at, never asked anything.
      await popup.fill(SEARCH, '192.168.1.1');
      await popup.clickRole('button', 'Look up');
      await popup.waitForText(/192\.168\.1\.1 \(private network\)/);
      await popup.waitUntilGone('[aria-busy="true"]');
      await popup.close();
      const sent = await ext.evaluateInExtension(() => {
        const g = globalThis as unknown as { sent: string[]; record: (d: chrome.webRequest.OnBeforeRequestDetails) => undefined };
        chrome.webRequest.onBeforeRequest.removeListener(g.record);
        return g.sent;
      }, undefined);
      const allowed = [
        new RegExp(`^GET ${doh.url.replace(/[.?]/g, '\\$&')}\\?dns=`), // the resolver: DNS questions
        new RegExp(`^GET ${rdap.url}domain/privacy-check\\.example$`), // the registry: the registrable domain
        new RegExp(`^GET ${rdap.url}ip/13\\.32\\.1\\.2$`), // the regional registry: the address
        /^HEAD https?:\/\/www\.privacy-check\.example\/$/, // the site of a link never opened: one HEAD
      ];
      assert.ok(sent.some((r) => r.includes('dns=')) && sent.some((r) => r.includes('/domain/')) && sent.some((r) => r.includes('/ip/')), sent.join('\n'));
      for (const request of sent) assert.ok(allowed.some((re) => re.test(request)), `unexpected request: ${request}`);
      // And what would have left the machine during the lookup was that one site's probe, nothing else.
      for (const request of sites.refused.slice(refusedBefore)) assert.match(request, /www\.privacy-check\.example/);
    });

    it('says plainly when a looked-up host cannot be found', async () => {
      const popup = await ext.openPopup('host=never-loaded.test');
      await popup.waitForText('Nothing seen from never-loaded.test yet');
      await popup.waitForText('The DNS lookup failed');
      assert.match(await popup.innerText('main'), /never-loaded\.test does not exist \(NXDOMAIN\)/);
      await popup.close();
    });

    it('explains that browser pages cannot be inspected', async () => {
      const blank = await ext.newPage('about:blank');
      const popup = await ext.openPopup(`tabId=${await ext.activeTabId()}`);
      await popup.waitForText('The browser does not let extensions see this page');
      await popup.close();
      await blank.close();
    });

    it('says when a context-menu lookup names no host', async () => {
      const popup = await ext.openPopup(`host=${encodeURIComponent('mailto:someone@example.test')}`);
      await popup.waitForText('This is not a web address: only http and https sites are served by hosting companies.');
      await popup.close();
    });

    it('refuses messages from the wrong sender or with a malformed payload', async () => {
      const errors = await ext.evaluateInExtension(async () => {
        const messages: unknown[] = [
          { name: 'pageSeen', payload: { url: 'http://evil.test/', resourceHosts: [] } },
          { name: 'tabView', payload: { tabId: 'one' } },
          { name: 'deleteEverything', payload: {} },
          'hello',
        ];
        const answers: string[] = [];
        for (const m of messages) answers.push(await chrome.runtime.sendMessage(m).then(() => 'accepted', (e: Error) => e.message));
        return answers;
      }, undefined);
      assert.match(errors[0] ?? '', /pageSeen must come from a content script/);
      assert.match(errors[1] ?? '', /tabView: malformed payload/);
      assert.match(errors[2] ?? '', /unknown message/);
      assert.match(errors[3] ?? '', /unknown message/);
    });

    it('never leaves a spinner when the background is unloaded mid-lookup: it says so, and a retry answers', async () => {
      const popup = await ext.openPopup('host=www.slow.example');
      // Mid-lookup for certain: the background has asked the resolver, which answers 2.5 s later.
      await poll(() => doh.queries.some((q) => q.endsWith(' www.slow.example')), 'the lookup never reached the resolver');
      await popup.waitForSelector('[aria-busy="true"]:not(.loading)');
      await ext.stopBackground();
      await popup.waitForText('The DNS lookup failed');
      await popup.clickRole('button', 'Try again');
      await popup.waitForSelector(edge('amazon'));
      await popup.close();
    });

    it('keeps what it saw of a tab when the browser unloads the background, which the popup wakes', async () => {
      const tabId = await loadInTab('http://cf-site.test/');
      await ext.stopBackground();
      const popup = await ext.openPopup(`tabId=${tabId}`);
      await popup.waitForSelector(edge('cloudflare'));
      await popup.close();
    });

    it('records a page loaded after the background was unloaded: the response wakes it', async () => {
      await ext.stopBackground();
      const tabId = await loadInTab('http://woken.test/');
      const popup = await ext.openPopup(`tabId=${tabId}`);
      await popup.waitForSelector(edge('cloudflare'));
      await popup.close();
    });

    it('offers a reload for a page loaded before the extension was watching, and then answers', async () => {
      const tabId = await loadInTab('http://cf-site.test/');
      // What an install or update leaves behind: the page, but nothing recorded of it. Cleared
      // only while the background is down (a live one would write its copy back), then stopped
      // again so it starts from the empty storage.
      await ext.stopBackground();
      await ext.evaluateInExtension(() => chrome.storage.session.clear(), undefined);
      await ext.stopBackground();
      const popup = await ext.openPopup(`tabId=${tabId}`);
      await popup.waitForText('Reload to see who serves this page');
      await popup.clickRole('button', 'Reload page');
      await popup.waitForSelector(edge('cloudflare'));
      await popup.close();
    });
  });
}
