/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { drivers } from './harness/drivers.js';
import { waitInExtension, waitUntilRemembered } from './harness/extension-browser.js';
import { poll } from './harness/page.js';
import { company, extensionSuite, lookupFinished as finished } from './harness/suite.js';
import { domainObject, networkObject } from '../helpers/rdap-server.js';

const SEARCH = 'Look up a host, URL or IP address';

for (const driver of drivers) {
  describe(`extension in headless ${driver.name}`, function () {
    const suite = extensionSuite(driver, {
      // The resolver for live lookups: the only one that knows www.shop.example.
      'www.shop.example': { CNAME: 'd111111abcdef8.cloudfront.net' },
      'd111111abcdef8.cloudfront.net': { A: ['13.32.1.1'] },
      'shop.example': { NS: ['ns-1234.awsdns-56.org', 'ns-77.awsdns-09.com'], SOA: 'ns-1234.awsdns-56.org', MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
      // DNS says public; the name leads to this computer (the site server) when the browser connects.
      'probe-me.test': { A: ['151.101.1.1'] },
      // Looked up once, by the privacy test, so no cache hides its requests.
      'www.privacy-check.example': { CNAME: 'd2222.cloudfront.net' },
      'd2222.cloudfront.net': { A: ['13.32.1.2'] },
      'privacy-check.example': { NS: ['ns-1.awsdns-01.org'], MX: ['aspmx.l.google.com'] },
      'www.slow.example': { A: ['13.32.1.3'] },
    }, {
      'domain/shop.example': domainObject('shop.example', { name: 'Example Registrar, Inc.', ianaId: '9999', abuseEmail: 'abuse@registrar.example' }),
      'domain/privacy-check.example': domainObject('privacy-check.example', { name: 'Another Registrar', ianaId: '8888', abuseEmail: 'abuse@another.example' }),
      'ip/13.32.1.1': networkObject('13.32.0.0', '13.33.255.255', 'AMAZON-CF', 'Amazon.com, Inc.', 'abuse@amazonaws.com'),
    }, { slow: { 'www.slow.example': 2500 } });
    const loadInTab = (url: string) => suite.loadInTab(url);
    const popupForTab = (url: string) => suite.popupForTab(url);

    const badgeOf = (tabId: number) => suite.ext.evaluateInExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

    it('answers who can act first for a proxied site: the proxy, its abuse process, and the evidence', async () => {
      const popup = await popupForTab('http://cf-site.test/');
      await popup.waitForSelector('[data-act="proxy"]');
      assert.equal(await popup.innerText('.site-host'), 'cf-site.test');
      assert.match(await popup.innerText('.answer-text'), /^Cloudflare fronts this site and hides its host; it forwards abuse reports to the host\.$/);
      assert.equal(await popup.attribute('.answer .contact-primary a', 'href'), 'https://www.cloudflare.com/abuse/');
      assert.equal(await popup.attribute('.answer .contact-primary a', 'aria-label'), 'Report to Cloudflare (abuse form, opens a new tab)');
      const row = company('cloudflare', 'edge');
      await popup.click(`${row} summary`);
      const evidence = await popup.innerText(`${row} .evidence-list`);
      assert.match(evidence, /Response header cf-ray: 8c2b1d3e4f5a6b7c-FRA/);
      assert.match(evidence, /Response header server: cloudflare/);
      assert.match(evidence, /cookie named __cf_bm/, 'the cookie name is evidence');
      assert.doesNotMatch(evidence, /secretvalue/, 'cookie values are never kept');
      assert.match(await popup.innerText('.site-connection'), /Connected to 127\.0\.0\.1 \(this computer\) · HTTP 200/);
      await finished(popup);
      assert.match(await popup.innerText('[data-announcer]'), /^cf-site\.test: Cloudflare fronts this site/, 'the answer is announced once it is complete');
      await popup.close();
    });

    it('credits its data and says what it sends, on the about page the popup links to', async () => {
      const about = await suite.ext.openOptions();
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
      await waitInExtension(suite.ext, async (id) => (await chrome.action.getBadgeText({ tabId: id })) !== '', tabId, 'no badge');
      assert.equal(await badgeOf(tabId), 'CF');
    });

    it('says a plain origin on this computer is served by no company, and that no proxy sits in front', async () => {
      const tabId = await loadInTab('http://plain.test/');
      const popup = await suite.ext.openPopup(`tabId=${tabId}`);
      await popup.waitForSelector('[data-act="local-address"]');
      assert.equal(await popup.innerText('.answer-text'), '127.0.0.1 is this computer: the site answered from there, so no hosting company serves it.');
      assert.equal(await popup.innerText('[data-no-edge]'), 'No CDN or proxy: the browser talked to 127.0.0.1 directly.');
      assert.equal(await popup.count('[data-roles~="edge"]'), 0);
      assert.equal(await badgeOf(tabId), '');
      await popup.close();
    });

    it('names the platform that hosts and serves a site, which can act itself', async () => {
      const popup = await popupForTab('http://platform.test/');
      await popup.waitForSelector('[data-act="platform"]');
      assert.equal(await popup.innerText('.answer-text'), 'Vercel hosts and serves this site and can act on it itself.');
      assert.equal(await popup.attribute('.answer .contact-primary a', 'href'), 'https://vercel.com/abuse');
      assert.equal(await popup.count(company('vercel', 'hosting')), 1);
      await popup.close();
    });

    it('groups the hosts a page loaded from by who serves them, in one line that opens', async () => {
      const tabId = await loadInTab('http://links.test/');
      await waitUntilRemembered(suite.ext, 'd1e2e3example.cloudfront.net');
      const popup = await suite.ext.openPopup(`tabId=${tabId}`);
      assert.equal(await popup.innerText('[data-resources] summary'), '2 other hosts · 1 company');
      await popup.click('[data-resources] summary');
      const group = await popup.innerText('[data-group="edge:amazon"]');
      assert.match(group, /d1e2e3example\.cloudfront\.net third-party/);
      assert.match(group, /127\.0\.0\.1 · ×1/);
      assert.match(group, /Amazon Web Services\s+Edge/);
      // Only an address is kept for a resource: one on this computer is no company's.
      assert.match(await popup.innerText('[data-group="unknown"]'), /assets\.test third-party/);
      // Each host can be looked up in place, and the way back leads to the tab.
      await popup.clickRole('button', 'Look up d1e2e3example.cloudfront.net');
      await popup.waitForSelector(company('amazon', 'edge'));
      assert.equal(await popup.innerText('.site-host'), 'd1e2e3example.cloudfront.net');
      await popup.clickRole('button', '← This tab');
      await popup.waitForText('links.test', '.site-host');
      await popup.close();
    });

    it('looks up a link to a page the browser loaded from what it saw there (context-menu lookup)', async () => {
      await loadInTab('http://cf-site.test/');
      await waitUntilRemembered(suite.ext, 'cf-site.test');
      const popup = await suite.ext.openPopup('host=cf-site.test');
      await popup.waitForSelector(company('cloudflare', 'edge'));
      assert.match(await popup.innerText('.lookup-label'), /^Looked up from a link$/i);
      assert.match(await popup.innerText('.site-connection'), /Connected to 127\.0\.0\.1/);
      await popup.close();
    });

    it('looks up over DNS a host only the resolver knows: its CDN, DNS, mail, registrar and network', async () => {
      const popup = await suite.ext.openPopup('host=www.shop.example');
      await popup.waitForSelector('[data-act="proxy"]');
      assert.match(await popup.innerText('.answer-text'), /^Amazon Web Services \(CloudFront\) fronts this site/);
      assert.match(await popup.innerText('.site-connection'), /shop\.example · Resolves to 13\.32\.1\.1/);
      const amazon = '[data-company="amazon"]';
      // The CDN hides the host, so no hosting claim is made from its address.
      assert.deepEqual((await popup.attribute(amazon, 'data-roles'))?.split(' ').sort(), ['dns', 'edge']);
      await popup.waitForSelector(company('google', 'email'));
      await finished(popup);
      await popup.click(`${amazon} summary`);
      const claims = await popup.innerText(amazon);
      assert.match(claims, /Edge · CloudFront/);
      assert.match(claims, /The CNAME chain reaches d111111abcdef8\.cloudfront\.net/);
      assert.match(claims, /DNS · Route 53/);
      assert.match(claims, /announced by AS16509/, 'the address was classified from the network shards');
      assert.match(claims, /Network: AMAZON-CF · 13\.32\.0\.0 – 13\.33\.255\.255 · Amazon\.com, Inc\./);
      assert.ok(suite.doh.queries.includes('NS shop.example') && suite.doh.queries.includes('MX shop.example'), suite.doh.queries.join());
      const registrar = company('registrar:9999', 'registrar');
      await popup.waitForText('Example Registrar, Inc.', registrar);
      await popup.click(`${registrar} summary`);
      assert.equal(await popup.attribute(`${registrar} .contact a`, 'href'), 'mailto:abuse@registrar.example');
      assert.ok(suite.rdap.paths.includes('/domain/shop.example') && suite.rdap.paths.includes('/ip/13.32.1.1'), suite.rdap.paths.join());
      assert.ok(!suite.rdap.paths.includes('/domain/www.shop.example'), 'the registry gets the registrable domain, not the host');
      // The site itself could not be asked (it exists only in this test's DNS): said, not hidden.
      assert.match(await popup.innerText('.missing'), /Site: https:\/\/www\.shop\.example\/ could not be reached/);
      await popup.close();
    });

    it('never asks a link\'s site when its name leads into the person\'s network, whatever DoH said', async () => {
      await suite.ext.addCookie({ name: 'session', value: 'secret', domain: 'probe-me.test' });
      const popup = await suite.ext.openPopup('host=probe-me.test');
      await finished(popup);
      // DNS-over-HTTPS said 151.101.1.1; the browser would connect to 127.0.0.1 (a rebinding
      // answer). Chromium refuses the request before sending it (Local Network Access); in
      // Firefox the extension's guard asks the browser's resolver first and cancels it.
      assert.match(await popup.innerText('.missing'), /Site: https?:\/\/probe-me\.test\/ (could not be reached|was not asked: it leads into your own network)/);
      assert.deepEqual(suite.sites.log.filter((r) => r.host === 'probe-me.test'), [], 'the site server was never asked');
      // What DNS said still counts (151.101.0.0/16 is Fastly's); nothing came from the site.
      await popup.click(`${company('fastly', 'edge')} summary`);
      const evidence = await popup.innerText(`${company('fastly', 'edge')} .evidence-list`);
      assert.match(evidence, /151\.101\.1\.1 is in 151\.101\.0\.0\/16/);
      assert.doesNotMatch(evidence, /Response header/);
      assert.match(await popup.innerText('.site-connection'), /Resolves to 151\.101\.1\.1/);
      await popup.close();
    });

    it('says plainly when the page is the edge provider\'s challenge page, not the site', async () => {
      const popup = await popupForTab('http://challenged.test/');
      await popup.waitForSelector('[data-act="block-page"]');
      assert.match(await popup.innerText('.answer-text'), /^This is Cloudflare's challenge page, not the site/);
      await popup.click(`${company('cloudflare', 'edge')} summary`);
      assert.match(await popup.innerText(company('cloudflare', 'edge')), /cf-mitigated: challenge/);
      await popup.close();
    });

    it('tells when the edge of a site moved since it was last looked at', async () => {
      let popup = await popupForTab('http://moving.test/');
      await popup.waitForSelector(company('cloudflare', 'edge'));
      await popup.close();
      suite.sites.serve('moving.test', { headers: { 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': 'moved' }, body: 'moved' });
      popup = await popupForTab('http://moving.test/');
      await popup.waitForSelector(company('fastly', 'edge'));
      assert.match(await popup.innerText('[data-moved="edge"]'), /^Edge moved from Cloudflare to Fastly/);
      await popup.close();
    });

    it('keeps what the tab shows when its page navigates it to a 204 or fakes a restore and resources', async () => {
      const tabId = await loadInTab('http://decoy.test/');
      await suite.page.click('#nocontent');
      // The 204 arrived and was seen: it waits as a candidate the tab never commits to.
      await waitInExtension(suite.ext, async (key) => {
        const record = (await chrome.storage.session.get(key))[key] as { pending?: { url: string }[] } | undefined;
        return record?.pending?.some((p) => p.url === 'http://nocontent.test/') === true;
      }, `tab:${tabId}`, 'the 204 response was never seen');
      const popup = await suite.ext.openPopup(`tabId=${tabId}`);
      await popup.waitForSelector(company('cloudflare', 'edge'));
      assert.equal(await popup.innerText('.site-host'), 'decoy.test');
      assert.equal(await popup.count('[data-company="fastly"]'), 0, 'the 204 response does not describe the page');
      // Requests that never got an answer are not hosts the page loaded from.
      assert.equal(await popup.count('[data-resources]'), 0);
      await popup.close();
    });

    it('copies the report as Markdown and as JSON', async () => {
      const popup = await popupForTab('http://cf-site.test/');
      await popup.waitForSelector(company('cloudflare', 'edge'));
      await finished(popup);
      await popup.clickRole('button', 'Copy report (Markdown)');
      await popup.waitForText('Copied.');
      const markdown = await suite.ext.clipboardText();
      assert.match(markdown, /^# Who serves cf-site\.test/);
      assert.match(markdown, /^## Cloudflare — Edge$/m);
      assert.match(markdown, /^- Contact for abuse: https:\/\/www\.cloudflare\.com\/abuse\/$/m);
      assert.match(markdown, /^ {2}- The response sets a cookie named \\_\\_cf\\_bm$/m);
      await popup.close();
      // A fresh popup, so "Copied." is about this copy and not the one before.
      const again = await suite.ext.openPopup('host=cf-site.test');
      await again.waitForSelector(company('cloudflare', 'edge'));
      await again.clickRole('button', 'Copy report (JSON)');
      await again.waitForText('Copied.');
      const json = JSON.parse(await suite.ext.clipboardText()) as { host: string; whoCanAct: { case: string; company: string }; rows: { id: string }[] };
      assert.equal(json.host, 'cf-site.test');
      assert.deepEqual(json.whoCanAct, { case: 'proxy', company: 'cloudflare' });
      assert.equal(json.rows[0]?.id, 'cloudflare');
      await again.close();
    });

    it('answers typed input as the bad-input matrix says: a normalised host or the reason', async () => {
      const popup = await suite.ext.openPopup('host=www.shop.example');
      await popup.waitForSelector('.site-host');
      const rows: [string, RegExp][] = [
        ['mailto:someone@example.com', /This is not a web address/],
        ['word', /A single word is not a host name/],
        [`${'a'.repeat(64)}.com`, /longer than 63 characters/],
        ['  WWW.Shop.Example.  ', /^www\.shop\.example$/],
        ['https://www.shop.example/any/path', /^www\.shop\.example$/],
        ['münchen.de', /^xn--mnchen-3ya\.de$/],
        ['[fe80::1%25eth0]', /^fe80::1$/],
      ];
      for (const [input, expected] of rows) {
        await popup.fill(SEARCH, input);
        await popup.clickRole('button', 'Look up');
        await popup.waitForText(expected, '.site-host, .notice-body');
        // Let the live lookup finish, so no request of this test runs on into the next.
        await finished(popup);
      }
      await popup.close();
    });

    it('sends nothing but what the privacy statement lists during a lookup', async () => {
      // The extension's own webRequest view of every request it makes outside tabs (tabId -1).
      await suite.ext.evaluateInExtension(() => {
        const g = globalThis as unknown as { sent: string[]; record: (d: chrome.webRequest.OnBeforeRequestDetails) => undefined };
        g.sent = [];
        g.record = (d) => {
          if (d.tabId === -1) g.sent.push(`${d.method} ${d.url}`);
          return undefined;
        };
        chrome.webRequest.onBeforeRequest.addListener(g.record, { urls: ['<all_urls>'] });
      }, undefined);
      const refusedBefore = suite.sites.refused.length;
      const popup = await suite.ext.openPopup('host=www.privacy-check.example');
      await popup.waitForText('Another Registrar', company('registrar:8888', 'registrar'));
      await finished(popup);
      // An address in the person's own network is looked at, never asked anything.
      await popup.fill(SEARCH, '192.168.1.1');
      await popup.clickRole('button', 'Look up');
      await popup.waitForText(/192\.168\.1\.1 \(private network\)/, '.site-connection');
      await finished(popup);
      await popup.close();
      const sent = await suite.ext.evaluateInExtension(() => {
        const g = globalThis as unknown as { sent: string[]; record: (d: chrome.webRequest.OnBeforeRequestDetails) => undefined };
        chrome.webRequest.onBeforeRequest.removeListener(g.record);
        return g.sent;
      }, undefined);
      const allowed = [
        new RegExp(`^GET ${suite.doh.url.replace(/[.?]/g, '\\$&')}\\?dns=`), // the resolver: DNS questions
        new RegExp(`^GET ${suite.rdap.url}domain/privacy-check\\.example$`), // the registry: the registrable domain
        new RegExp(`^GET ${suite.rdap.url}ip/13\\.32\\.1\\.2$`), // the regional registry: the address
        /^HEAD https?:\/\/www\.privacy-check\.example\/$/, // the site of a link never opened: HEAD, https then http
      ];
      assert.ok(sent.some((r) => r.includes('dns=')) && sent.some((r) => r.includes('/domain/')) && sent.some((r) => r.includes('/ip/')), sent.join('\n'));
      for (const request of sent) assert.ok(allowed.some((re) => re.test(request)), `unexpected request: ${request}`);
      // And what would have left the machine during the lookup was that one site's probe, nothing else.
      for (const request of suite.sites.refused.slice(refusedBefore)) assert.match(request, /www\.privacy-check\.example/);
    });

    it('says plainly when a looked-up host does not exist', async () => {
      const popup = await suite.ext.openPopup('host=never-loaded.test');
      await popup.waitForText('never-loaded.test does not exist');
      assert.match(await popup.innerText('main'), /no such name is registered \(NXDOMAIN\)/);
      await popup.close();
    });

    it('explains that browser pages cannot be inspected', async () => {
      const blank = await suite.ext.newPage('about:blank');
      const popup = await suite.ext.openPopup(`tabId=${await suite.ext.activeTabId()}`);
      await popup.waitForText('The browser does not let extensions see this page');
      await popup.close();
      await blank.close();
    });

    it('says when a context-menu lookup names no host', async () => {
      const popup = await suite.ext.openPopup(`host=${encodeURIComponent('mailto:someone@example.test')}`);
      await popup.waitForText('This is not a web address: only http and https sites are served by hosting companies.');
      await popup.close();
    });

    it('serves lookups only to its own popup, and only well-formed ones', async () => {
      // From the options page (an extension page in a tab, not the popup), under the wrong name,
      // and from a popup with a malformed request: each port is closed without an answer.
      const fromPage = async (names: { port: string; message: unknown }[]) => {
        const answers: string[] = [];
        for (const { port: name, message } of names) {
          answers.push(await new Promise<string>((resolve) => {
            const port = chrome.runtime.connect({ name });
            port.onMessage.addListener(() => resolve('answered'));
            port.onDisconnect.addListener(() => resolve('closed'));
            port.postMessage(message);
          }));
        }
        return answers;
      };
      const tab = { kind: 'tab', tabId: 1, takePending: false };
      assert.deepEqual(await suite.ext.evaluateInExtension(fromPage, [{ port: 'lookup', message: tab }, { port: 'other', message: tab }]), ['closed', 'closed']);
      const popup = await suite.ext.openPopup('host=cf-site.test');
      await popup.waitForSelector('.site-host');
      const malformed = [
        { kind: 'tab', tabId: 'one', takePending: false },
        { kind: 'input', input: 'x'.repeat(100_000), origin: 'link' },
        { kind: 'input', input: 'example.com', origin: 'elsewhere' },
        { kind: 'tab', tabId: 1, takePending: false, extra: true },
        'hello',
      ].map((message) => ({ port: 'lookup', message }));
      assert.deepEqual(await popup.evaluate(fromPage, malformed), malformed.map(() => 'closed'));
      assert.deepEqual(await popup.evaluate(fromPage, [{ port: 'lookup', message: { kind: 'input', input: 'cf-site.test', origin: 'link' } }]), ['answered']);
      await popup.close();
    });

    it('never leaves a spinner when the background is unloaded mid-lookup: it says so, and a retry answers', async () => {
      const popup = await suite.ext.openPopup('host=www.slow.example');
      // Mid-lookup for certain: the background has asked the resolver, which answers 2.5 s later.
      await poll(() => suite.doh.queries.some((q) => q.endsWith(' www.slow.example')), 'the lookup never reached the resolver');
      await suite.ext.stopBackground();
      await popup.waitForText('The lookup stopped');
      await popup.clickRole('button', 'Try again');
      await popup.waitForSelector(company('amazon', 'edge'));
      await finished(popup);
      assert.equal(await popup.count('.notice-error'), 0);
      await popup.close();
    });

    it('keeps what it saw of a tab when the browser unloads the background, which the popup wakes', async () => {
      const tabId = await loadInTab('http://cf-site.test/');
      await suite.ext.stopBackground();
      const popup = await suite.ext.openPopup(`tabId=${tabId}`);
      await popup.waitForSelector(company('cloudflare', 'edge'));
      await popup.close();
    });

    it('keeps each tab\'s first answer ready for the popup, for the page the tab shows', async () => {
      // What background/kept-answers.ts leaves in storage.session for popup/kept-answer.ts to read.
      type Kept = { url: string; model: { phase: string; providers: Record<string, unknown> } };
      const keptFor = async (url: string) => {
        const tabId = await loadInTab(url);
        const key = `answer:${tabId}`;
        await waitInExtension(suite.ext, async ({ k, u }) => ((await chrome.storage.session.get(k))[k] as Kept | undefined)?.url === u, { k: key, u: url }, `no answer was kept for ${url}`);
        return (await suite.ext.evaluateInExtension(async (k) => (await chrome.storage.session.get(k))[k], key)) as Kept;
      };
      const proxied = await keptFor('http://cf-site.test/');
      assert.equal(proxied.model.phase, 'seen', 'what the lookup sends first');
      assert.ok('cloudflare' in proxied.model.providers);
      const plain = await keptFor('http://plain.test/');
      assert.ok(!('cloudflare' in plain.model.providers), 'the next page\'s answer replaces it');
    });

    it('records a page loaded after the background was unloaded: the response wakes it', async () => {
      await suite.ext.stopBackground();
      const tabId = await loadInTab('http://woken.test/');
      const popup = await suite.ext.openPopup(`tabId=${tabId}`);
      await popup.waitForSelector(company('cloudflare', 'edge'));
      await popup.close();
    });

    it('offers a reload for a page loaded before the extension was watching, and then answers', async () => {
      const tabId = await loadInTab('http://cf-site.test/');
      // What an install or update leaves behind: the page, but nothing recorded of it. Cleared
      // only while the background is down (a live one would write its copy back), then stopped
      // again so it starts from the empty storage.
      await suite.ext.stopBackground();
      await suite.ext.evaluateInExtension(() => chrome.storage.session.clear(), undefined);
      await suite.ext.stopBackground();
      const popup = await suite.ext.openPopup(`tabId=${tabId}`);
      await popup.waitForText('Reload to see who serves this page');
      await popup.clickRole('button', 'Reload page');
      await popup.waitForSelector(company('cloudflare', 'edge'));
      await popup.close();
    });
  });
}
