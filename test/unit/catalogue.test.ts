import assert from 'node:assert/strict';
import { compileCatalogue } from '../../src/core/catalogue/compile-catalogue.js';
import { validateProvider } from '../../src/core/catalogue/validate-provider.js';
import { parseRangeList } from '../../src/core/catalogue/parse-range-list.js';
import { realCatalogue } from './engine-fixture.js';

const valid = {
  id: 'example-cdn',
  name: 'Example CDN',
  homepage: 'https://cdn.example/',
  badge: 'EX',
  color: '#123456',
  roles: ['edge'],
  abuse: { email: 'abuse@cdn.example', note: { en: 'Forwards reports to the customer.', de: 'Leitet Meldungen an den Kunden weiter.' } },
  sources: [{ url: 'https://cdn.example/docs/headers', about: 'the x-example header' }, { url: 'https://cdn.example/abuse', about: 'reports go to abuse@cdn.example' }],
  headers: [{ header: 'x-example', role: 'edge', confidence: 0.9 }],
};

describe('the shipped catalogue', () => {
  it('compiles without a single problem', () => {
    const c = realCatalogue();
    assert.ok(c.providers.length >= 12);
    assert.ok(c.ranges.length >= 6);
  });
  it('has unique ids and badges that fit the toolbar', () => {
    const ids = realCatalogue().providers.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const p of realCatalogue().providers) assert.ok(p.badge.length <= 4, p.id);
  });
  it('lists every header a signature reads, for the recorder', () => {
    const names = realCatalogue().headerNames;
    for (const h of ['cf-ray', 'server', 'via', 'x-amz-cf-id', 'x-served-by', 'set-cookie']) assert.ok(names.includes(h), h);
  });
});

describe('validateProvider', () => {
  it('accepts a minimal valid entry', () => assert.deepEqual(validateProvider(valid, 'example-cdn'), []));

  const broken: [string, Record<string, unknown>, RegExp][] = [
    ['an id that does not match the file', { id: 'other' }, /must match its file name/],
    ['an upper-case id', { id: 'Example' }, /kebab-case/],
    ['a badge too long for the toolbar', { badge: 'TOOLONG' }, /badge/],
    ['a colour that is not #rrggbb', { color: 'red' }, /color/],
    ['an unknown role', { roles: ['edge', 'magic'] }, /unknown role/],
    ['a signature role the provider does not play', { headers: [{ header: 'x-a', role: 'hosting', confidence: 0.9 }] }, /not in the provider's roles/],
    ['a regex that does not compile', { headers: [{ header: 'server', match: '(', role: 'edge', confidence: 0.9 }] }, /regular expression/],
    ['a note missing a locale', { abuse: { email: 'abuse@cdn.example', note: { en: 'Forwards reports.' } } }, /note\.de is required/],
    ['a note as plain text', { abuse: { email: 'abuse@cdn.example', note: 'Forwards reports.' } }, /text per locale/],
    ['a role note for a role it does not play', { abuse: { email: 'abuse@cdn.example', note: { en: 'a', de: 'b' }, roleNotes: { dns: { en: 'a', de: 'b' } } } }, /not one of the provider's roles/],
    ['no sources', { sources: undefined }, /sources are required/],
    ['an abuse address no source quotes', { abuse: { email: 'report@cdn.example', note: { en: 'a', de: 'b' } } }, /no source quotes report@cdn\.example/],
    ['an abuse page no source lists', { abuse: { url: 'https://cdn.example/report', note: { en: 'a', de: 'b' } } }, /no source confirms https:\/\/cdn\.example\/report/],
    ['a source that is not a web address', { sources: [{ url: 'docs', about: 'x' }] }, /url must be a web address/],
    ['a source that does not say what it supports', { sources: [{ url: 'https://cdn.example/x' }] }, /about must say/],
    ['IANA registrar ids on a provider that is no registrar', { ianaRegistrarIds: [146] }, /registrar/],
    ['an IANA registrar id that is not a number', { roles: ['edge', 'registrar'], ianaRegistrarIds: ['146'] }, /IANA registrar id/],
    ['hostsWhatItServes without the hosting role', { hostsWhatItServes: true }, /hostsWhatItServes/],
    ['a confidence of 1', { headers: [{ header: 'x-a', role: 'edge', confidence: 1 }] }, /confidence/],
    ['an upper-case header name', { headers: [{ header: 'X-A', role: 'edge', confidence: 0.5 }] }, /header name/],
    ['an http abuse URL', { abuse: { url: 'http://x.example/', note: { en: 'a', de: 'b' } } }, /https/],
    ['an abuse address that would add recipients to a mailto link', { abuse: { email: 'abuse@cdn.example?cc=x@y.example', note: { en: 'a', de: 'b' } } }, /is not an address/],
    ['no signatures at all', { headers: undefined }, /at least one signature/],
    ['an unknown field', { colour: '#000000' }, /unknown field "colour"/],
    ['a bad domain suffix', { domains: [{ suffix: '.github.io', role: 'edge', confidence: 0.9 }] }, /suffix/],
  ];
  for (const [name, patch, message] of broken) {
    it(`rejects ${name}`, () => {
      const errors = validateProvider({ ...valid, ...patch }, 'example-cdn');
      assert.ok(errors.some((e) => message.test(e)), errors.join('\n') || 'no errors');
    });
  }
  it('rejects what is not an object', () => assert.notDeepEqual(validateProvider([], 'x'), []));
  it('accepts a provider without an abuse contact: the registry\'s is shown instead', () => {
    assert.deepEqual(validateProvider({ ...valid, abuse: { note: { en: 'a', de: 'b' } } }, 'example-cdn'), []);
  });
});

describe('compileCatalogue', () => {
  it('inlines range files and reports every problem at once', () => {
    const good = compileCatalogue({ providers: { 'example-cdn': { ...valid, ranges: [{ file: 'ex.txt', role: 'edge' }] } }, ranges: { 'ex.txt': '# comment\n192.0.2.0/24\n\n2001:db8::/32\n192.0.2.0/24\n' } });
    assert.deepEqual(good.ranges[0]?.cidrs, ['192.0.2.0/24', '2001:db8::/32']);
    assert.throws(
      () => compileCatalogue({ providers: { 'example-cdn': { ...valid, ranges: [{ file: 'missing.txt', role: 'edge' }] }, bad: { id: 'bad' } }, ranges: { 'unused.txt': '10.0.0.0/8' } }),
      (err: Error) => /missing\.txt does not exist/.test(err.message) && /bad: name is required/.test(err.message) && /unused\.txt is not used/.test(err.message),
    );
  });
  it('names the line of a bad range', () => {
    assert.throws(() => parseRangeList('10.0.0.0/8\nnot-a-cidr\n', 'x.txt'), /x\.txt:2: not a CIDR/);
    assert.throws(() => parseRangeList('# nothing\n', 'x.txt'), /no ranges/);
  });
});
