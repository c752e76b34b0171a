// `npm run screenshots`: renders the popup's main states in headless Chromium
// into docs/, from the same local sites the end-to-end tests use.
import { fileURLToPath } from 'node:url';
import { chromiumDriver } from '../test/e2e/harness/chromium.js';
import { launch, useResolver, waitUntilRecorded } from '../test/e2e/harness/extension-browser.js';
import { startSites } from '../test/e2e/harness/sites.js';
import { startDohServer } from '../test/helpers/doh-server.js';
import { domainObject, networkObject, startRdapServer } from '../test/helpers/rdap-server.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
// A tab's page (tab) or a context-menu lookup of a host only DNS knows (host).
const shots: { file: string; tab?: string; host?: string; dark?: boolean; openEvidence?: boolean }[] = [
  { file: 'popup-cloudflare.png', tab: 'http://cf-site.test/', openEvidence: true },
  { file: 'popup-plain-origin.png', tab: 'http://plain.test/' },
  { file: 'popup-dns-lookup.png', host: 'www.shop.example', openEvidence: true },
  { file: 'popup-lookup-errors.png', host: 'www.errors.example' },
  { file: 'popup-dark.png', tab: 'http://cf-site.test/', dark: true },
];

const sites = await startSites();
// Local DNS for the pictures: the sites' name servers and mail, and a host only DNS knows.
const doh = await startDohServer({
  'cf-site.test': { NS: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
  'plain.test': { NS: ['helium.ns.hetzner.de', 'oxygen.ns.hetzner.com'], MX: ['mail.your-server.de'] },
  'www.shop.example': { CNAME: 'd111111abcdef8.cloudfront.net' },
  'd111111abcdef8.cloudfront.net': { A: ['13.32.1.1'] },
  'shop.example': { NS: ['ns-1234.awsdns-56.org'], MX: ['aspmx.l.google.com'] },
  'www.errors.example': { A: ['88.198.1.1'] },
}, { servfail: ['errors.example'] });
const rdap = await startRdapServer({
  'domain/shop.example': domainObject('shop.example', { name: 'Example Registrar, Inc.', ianaId: '9999', abuseEmail: 'abuse@registrar.example' }),
  'ip/13.32.1.1': networkObject('13.32.0.0', '13.33.255.255', 'AMAZON-CF', 'Amazon.com, Inc.', 'abuse@amazonaws.com'),
});
const ext = await launch(chromiumDriver, sites);
try {
  const tab = await ext.newPage();
  await useResolver(ext, doh.url, rdap.url);
  for (const shot of shots) {
    let query = `host=${shot.host ?? ''}`;
    if (shot.tab !== undefined) {
      await tab.goto(shot.tab);
      await waitUntilRecorded(ext, new URL(shot.tab).hostname);
      query = `tabId=${await ext.tabIdOf(shot.tab)}`;
    }
    const popup = await ext.openPopup(query);
    await popup.waitForSelector('[data-role="email"]:not([aria-busy="true"])');
    if (shot.openEvidence === true) await popup.click('.evidence summary');
    await popup.screenshot(`${docs}${shot.file}`, { colorScheme: shot.dark === true ? 'dark' : 'light' });
    await popup.close();
    console.log(`docs/${shot.file}`);
  }
} finally {
  await ext.close();
  await sites.close();
  await doh.close();
  await rdap.close();
}
