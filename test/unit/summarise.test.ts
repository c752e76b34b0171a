import assert from 'node:assert/strict';
import { summarise } from '../../src/core/model/summarise.js';
import { whoCanActText } from '../../src/core/model/wording.js';
import { realEngine } from './engine-fixture.js';
import { seenResponse, siteModel } from '../helpers/site-models.js';
import { wordsOf } from '../helpers/locale-words.js';
import type { FakeWorld } from '../helpers/fake-deps.js';

// One summary for every output: who can act, and one row per company.

const en = wordsOf('en');
const tab = (host: string, ip: string, headers: Record<string, string> = {}, world: FakeWorld = {}) => siteModel(realEngine(), host, world, { seen: seenResponse(host, ip, headers) });

describe('who can act', () => {
  it('behind a proxy: the proxy, which forwards reports to the hidden host', async () => {
    const s = summarise(await tab('forum.example', '104.16.1.1', { 'cf-ray': 'x-FRA' }));
    assert.deepEqual(s.whoCanAct, { case: 'proxy', company: 'cloudflare' });
    assert.equal(whoCanActText(en, s.whoCanAct, s.rows), 'Cloudflare fronts this site and hides its host; it forwards abuse reports to the host.');
  });

  it('a plain origin: the hosting network, by its number', async () => {
    const s = summarise(await tab('shop.example', '88.198.1.1', { server: 'nginx' }));
    assert.deepEqual(s.whoCanAct, { case: 'origin', company: 'hetzner' });
    assert.equal(whoCanActText(en, s.whoCanAct, s.rows), 'Served directly from Hetzner (AS24940).');
  });

  it('a platform that hosts what it serves: the platform itself', async () => {
    const s = summarise(await tab('app.example', '76.76.21.21', { server: 'Vercel', 'x-vercel-id': 'fra1::x' }));
    assert.deepEqual(s.whoCanAct, { case: 'platform', company: 'vercel' });
    assert.deepEqual(s.rows.map((r) => [r.id, r.roles.map((c) => c.role)]), [['vercel', ['edge', 'hosting']]], 'one row, both roles, the note once');
  });

  it('a host behind an edge, both known: the host, which holds the content', async () => {
    const s = summarise(await tab('www.example', '104.16.1.1', { 'cf-ray': 'x', 'x-vercel-id': 'fra1::x' }));
    assert.deepEqual(s.whoCanAct, { case: 'layered', company: 'vercel', edge: 'cloudflare' });
  });

  it('the edge\'s own challenge page: a calm line naming the edge', async () => {
    const s = summarise(await siteModel(realEngine(), 'x.example', {}, { seen: seenResponse('x.example', '104.16.1.1', { 'cf-ray': 'x', server: 'cloudflare', 'cf-mitigated': 'challenge' }, 403) }));
    assert.deepEqual(s.whoCanAct, { case: 'block-page', kind: 'challenge', company: 'cloudflare' });
    assert.match(whoCanActText(en, s.whoCanAct, s.rows), /^This is Cloudflare's challenge page, not the site/);
  });

  it('a network the catalogue does not know: named from the routing table, contact from the registry', async () => {
    const model = await tab('x.example', '193.0.6.139', { server: 'nginx' }, { rdapIp: { '193.0.6.139': { status: 'ok', url: 'u', network: { name: 'RIPE-NCC', abuseEmail: 'abuse@ripe.example', source: 'u' } } } });
    const s = summarise(model);
    assert.equal(s.whoCanAct.case, 'unknown-network');
    const row = s.rows[0]!;
    assert.equal(row.unlisted, 'network');
    assert.deepEqual(row.contact, { from: 'registry', email: 'abuse@ripe.example' });
    assert.equal(row.network?.name, 'RIPE-NCC', 'the registry\'s record joins the hosting row');
    assert.match(whoCanActText(en, s.whoCanAct, s.rows), /^Served from .* \(AS3333\), a network the whoserves catalogue does not know/);
  });

  it('an address on this computer or in the person\'s network: no company', async () => {
    const s = summarise(await tab('nas.example', '192.168.1.20'));
    assert.deepEqual(s.whoCanAct, { case: 'local-address', address: '192.168.1.20', kind: 'private' });
  });

  it('nothing known: says so instead of guessing', async () => {
    const s = summarise(await siteModel(realEngine(), 'unknown.example'));
    assert.deepEqual(s.whoCanAct, { case: 'nothing' });
  });
});

describe('company rows', () => {
  it('one row per company, the one that can act first, each role claimed once', async () => {
    const world: FakeWorld = { dns: { 'shop.example': { ips: ['104.16.1.1'], ns: ['ada.ns.cloudflare.com'], mx: ['aspmx.l.google.com'] } } };
    const s = summarise(await siteModel(realEngine(), 'shop.example', world));
    assert.deepEqual(s.rows.map((r) => [r.id, r.roles.map((c) => c.role)]), [['cloudflare', ['edge', 'dns']], ['google', ['email']]]);
  });

  it('joins the registry\'s registrar to the catalogue entry with the same IANA id, as a fact', async () => {
    const engine = realEngine();
    const [id, provider] = [...engine.registrarsByIana.entries()][0] ?? [];
    assert.ok(id !== undefined && provider !== undefined, 'the catalogue knows some registrar by IANA id');
    const s = summarise(await siteModel(engine, 'shop.example', { rdapDomain: { 'shop.example': { status: 'ok', url: 'u', registrar: { name: 'Registrar As The Registry Spells It', ianaId: id, abuseEmail: 'abuse@registrar.example', source: 'https://rdap.example/domain/shop.example' } } } }));
    const row = s.rows.find((r) => r.roles.some((c) => c.role === 'registrar'))!;
    assert.equal(row.id, provider);
    assert.equal(row.roles.find((c) => c.role === 'registrar')?.certainty, 'fact');
  });

  it('keeps a registrar the catalogue does not know as its own row, with the registry\'s contact', async () => {
    const s = summarise(await siteModel(realEngine(), 'shop.example', { rdapDomain: { 'shop.example': { status: 'ok', url: 'u', registrar: { name: 'Tiny Registrar', ianaId: '999999', abuseEmail: 'abuse@tiny.example', source: 'u' } } } }));
    const row = s.rows.find((r) => r.id === 'registrar:999999');
    assert.equal(row?.name, 'Tiny Registrar');
    assert.deepEqual(row?.contact, { from: 'registry', email: 'abuse@tiny.example' });
  });

  it('never turns an address that is no e-mail address into a mailto link', async () => {
    const s = summarise(await siteModel(realEngine(), 'shop.example', { rdapDomain: { 'shop.example': { status: 'ok', url: 'u', registrar: { name: 'Odd Registrar', abuseEmail: 'abuse%40evil.example?cc=x@y.example', source: 'u' } } } }));
    assert.equal(s.rows.find((r) => r.name === 'Odd Registrar')?.contact, undefined);
  });
});
