import '../helpers/extension-globals.js';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { SiteView } from '../../popup/components/SiteView.js';
import { StateNotice } from '../../popup/components/StateNotice.js';
import type { PopupModel, SiteModel } from '../../src/core/model/site-model.js';
import { realEngine } from './engine-fixture.js';
import { seenResponse, siteModel } from '../helpers/site-models.js';
import { useLocale } from '../helpers/extension-globals.js';
import { messagesOf } from '../helpers/locale-words.js';
import type { FakeWorld } from '../helpers/fake-deps.js';

// The popup's components rendered in Node, for every state of the model: most
// UI regressions are caught here without a browser. (The e2e suite renders the
// real popup at its real size and checks it with axe.)

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
const site = (model: SiteModel, finished = true) => render(<SiteView model={model} finished={finished} reload={() => undefined} lookUp={() => undefined} />);
const tab = (host: string, ip: string, headers: Record<string, string> = {}, world: FakeWorld = {}, status = 200) => siteModel(realEngine(), host, world, { seen: seenResponse(host, ip, headers, status) });

/** Every state the popup can show, built as the worker builds it. */
async function fixtures(): Promise<Record<string, SiteModel>> {
  const e = realEngine();
  const dnsWorld: FakeWorld = {
    dns: { 'www.shop.example': { domain: 'shop.example', ips: ['13.32.1.1'], cname: ['d1.cloudfront.net'], ns: ['ns-1.awsdns-01.org', 'ns1.example-dns.net'], mx: ['aspmx.l.google.com'], txt: [] } },
    rdapDomain: { 'shop.example': { status: 'ok', url: 'u', registrar: { name: 'Example Registrar, Inc.', ianaId: '999999', abuseEmail: 'abuse@registrar.example', source: 'https://rdap.example/domain/shop.example' } } },
    rdapIp: { '13.32.1.1': { status: 'rate-limited', url: 'u', error: 'limited', retryAfter: '30' } },
  };
  const proxied = await tab('forum.example', '104.16.1.1', { 'cf-ray': '8c2b-FRA', server: 'cloudflare' });
  return {
    proxied,
    origin: await tab('shop.example', '88.198.1.1', { server: 'nginx' }),
    platform: await tab('app.example', '76.76.21.21', { server: 'Vercel', 'x-vercel-id': 'fra1::x' }),
    challenge: await tab('x.example', '104.16.1.1', { 'cf-ray': 'x', server: 'cloudflare', 'cf-mitigated': 'challenge' }, {}, 403),
    unknownNetwork: await tab('x.example', '193.0.6.139', { server: 'nginx' }, { rdapIp: { '193.0.6.139': { status: 'ok', url: 'u', network: { name: 'RIPE-NCC', abuseEmail: 'abuse@ripe.example', source: 'u' } } } }),
    local: await tab('nas.example', '192.168.1.20'),
    lookedUp: await siteModel(e, 'www.shop.example', dnsWorld, {}, 'link'),
    notFound: await siteModel(e, 'nope.example', { dns: { 'nope.example': { nxdomain: true, errors: [{ type: 'A', name: 'nope.example', status: 'nxdomain', error: 'no such name' }] } } }, {}, 'search'),
    unseen: { ...(await siteModel(e, 'old.example', { dns: { 'old.example': { ips: ['88.198.1.1'] } } })), page: 'unseen' },
    noResponse: { ...(await siteModel(e, 'cached.example', { dns: { 'cached.example': { ips: ['104.16.1.1'] } } })), page: 'no-response' },
    inProgress: { ...proxied, phase: 'seen', lookup: { ...proxied.lookup, steps: { dns: 'pending', site: 'done', registry: 'pending' } } },
    withResources: {
      ...proxied,
      resources: [
        { host: 'static.forum.example', count: 12, firstParty: true, ip: '104.16.2.2', company: { id: 'cloudflare', name: 'Cloudflare', role: 'edge' } },
        { host: 'tracker.example', count: 1, firstParty: false },
      ],
    },
  };
}

describe('popup components', () => {
  let all: Record<string, SiteModel>;
  before(async () => {
    useLocale('en');
    all = await fixtures();
  });

  it('behind a proxy: the proxy can act, with one primary way to reach it, named for the company', () => {
    const html = site(all.proxied!);
    assert.match(text(html), /Who can act Cloudflare fronts this site and hides its host; it forwards abuse reports to the host\. Report to Cloudflare/);
    assert.match(html, /<a class="button" href="https:\/\/www\.cloudflare\.com\/abuse\/" target="_blank" rel="noopener noreferrer" aria-label="Report to Cloudflare \(abuse form, opens a new tab\)">/, "the accessible name starts with the visible label");
    assert.match(html, /data-company="cloudflare" data-roles="edge"/);
  });

  it('a plain origin: served directly from the hosting network, by its number', () => {
    assert.match(text(site(all.origin!)), /Served directly from Hetzner \(AS24940\)\./);
    assert.match(text(site(all.origin!)), /No CDN or proxy: the browser talked to 88\.198\.1\.1 directly\./);
  });

  it('a platform: one row with both roles, its note once', () => {
    const html = site(all.platform!);
    assert.match(text(html), /Vercel hosts and serves this site and can act on it itself\./);
    assert.equal(html.match(/data-company=/g)?.length, 1);
    assert.match(html, /data-roles="edge hosting"/);
    assert.equal(html.match(/runs the site's code/g)?.length ?? 0, html.includes('runs the site') ? 1 : 0);
  });

  it('the edge\'s challenge page: a calm line, not an alarm', () => {
    const html = site(all.challenge!);
    assert.match(text(html), /This is Cloudflare's challenge page, not the site/);
    assert.doesNotMatch(html, /role="alert"|notice-error/);
  });

  it('a network the catalogue does not know: what the registry says, and that the catalogue does not know it', () => {
    const t = text(site(all.unknownNetwork!));
    assert.match(t, /a network the whoserves catalogue does not know/);
    assert.match(site(all.unknownNetwork!), /href="mailto:abuse@ripe\.example"/);
    assert.match(t, /from the registry's record/);
  });

  it('an address in the person\'s own network: no company to name', () => {
    assert.match(text(site(all.local!)), /192\.168\.1\.20 is private network: the site answered from there/);
  });

  it('a lookup: says how it was asked, every company once, each failure once where it belongs', () => {
    const html = site(all.lookedUp!);
    const t = text(html);
    assert.match(t, /^Looked up from a link www\.shop\.example/);
    assert.match(html, /data-company="amazon" data-roles="edge dns"/);
    assert.match(html, /data-company="domain:example-dns\.net" data-roles="dns"/);
    assert.match(t, /Registrar: registry record/i.test(t) ? /Registrar/ : /Example Registrar, Inc\./);
    assert.equal(html.match(/data-step="rdap-ip"/g)?.length, 1);
    assert.match(t, /Network: the regional registry is limiting requests \(it asks to wait 30 s\); not retried/);
  });

  it('a host that does not exist: said once, with nothing to retry', () => {
    const html = site(all.notFound!).replace(/<p class="visually-hidden" role="status" data-announcer="true">.*?<\/p>/, '');
    assert.match(text(html), /nope\.example does not exist/);
    assert.equal(text(html).match(/does not exist/gi)?.length, 1, text(html));
    assert.doesNotMatch(text(html), /No company could be named/);
    assert.doesNotMatch(text(html), /Try again/);
  });

  it('a page loaded before whoserves watched, and one restored without a response: why, and a reload', () => {
    assert.match(text(site(all.unseen!)), /Reload to see who serves this page .* Reload page/);
    assert.match(text(site(all.noResponse!)), /This page came from the browser's cache .* Reload page/);
  });

  it('while the lookup runs: the steps in words, and no announcement yet', () => {
    const html = site(all.inProgress!, false);
    assert.match(text(html), /DNS … in progress Site ✓ done Registry … in progress/);
    assert.match(html, /<p class="visually-hidden" role="status" data-announcer="true"><\/p>/);
  });

  it('announces once when the lookup lands, in one sentence', () => {
    assert.match(site(all.proxied!), /<p class="visually-hidden" role="status" data-announcer="true">forum\.example: Cloudflare fronts this site/);
  });

  it('the page\'s other hosts in one line, opening to host, address, company, role and a lookup for each', () => {
    const html = site(all.withResources!);
    assert.match(text(html), /2 other hosts · 1 company/);
    assert.match(html, /data-group="edge:cloudflare"/);
    assert.match(html, /aria-label="Look up static\.forum\.example"/);
  });

  it('pages no company serves and input that names no host', () => {
    const states: PopupModel[] = [
      { kind: 'uninspectable', origin: 'tab', reason: 'browser-page' },
      { kind: 'not-a-host', origin: 'search', input: 'hello world', reason: 'spaces' },
    ];
    assert.match(text(render(<StateNotice model={states[0] as Exclude<PopupModel, SiteModel>} />)), /one of the browser's own pages/);
    assert.match(text(render(<StateNotice model={states[1] as Exclude<PopupModel, SiteModel>} />)), /cannot contain spaces/);
  });

  describe('in German', () => {
    before(() => useLocale('de'));
    after(() => useLocale('en'));

    it('shows no English sentence in any state', () => {
      const english = Object.entries(messagesOf('en'))
        .filter(([k, m]) => messagesOf('de')[k]?.message !== m.message)
        .map(([, m]) => m.message.split(/\$\d/)[0]!.trim())
        .filter((m) => m.length >= 12);
      const catalogueEnglish = [...realEngine().providers.values()].map((p) => p.abuse.note.en.slice(0, 40));
      for (const [name, model] of Object.entries(all)) {
        const t = text(site(model));
        for (const sentence of [...english, ...catalogueEnglish]) assert.ok(!t.includes(sentence), `${name}: "${sentence}" in ${t}`);
      }
    });

    it('speaks German', () => {
      assert.match(text(site(all.proxied!)), /Wer handeln kann Cloudflare ist dieser Website vorgeschaltet/);
    });
  });
});
