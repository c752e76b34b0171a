import assert from 'node:assert/strict';
import { inOneLocale } from '../../src/core/catalogue/one-locale.js';
import { inLocale } from '../../src/core/locales.js';
import { catalogueFile } from '../../src/core/catalogue/compile-catalogue.js';
import { realCatalogue } from './engine-fixture.js';

const catalogue = catalogueFile(realCatalogue());

describe('the worker\'s catalogue in one language', () => {
  for (const locale of ['en', 'de'] as const) {
    it(`keeps every ${locale} note, role notes included, and empties the others`, () => {
      const trimmed = inOneLocale(catalogue, locale);
      trimmed.providers.forEach((p, i) => {
        const original = catalogue.providers[i]!;
        assert.equal(inLocale(p.abuse.note, locale), inLocale(original.abuse.note, locale), p.id);
        for (const [role, text] of Object.entries(p.abuse.roleNotes ?? {})) assert.equal(inLocale(text, locale), inLocale(original.abuse.roleNotes![role as 'dns']!, locale), `${p.id} ${role}`);
        for (const [l, text] of Object.entries(p.abuse.note)) if (l !== locale) assert.equal(text, '', `${p.id} ${l}`);
      });
      assert.ok(JSON.stringify(trimmed).length < JSON.stringify(catalogue).length * 0.8, 'a fifth of the catalogue is the other language');
    });
  }
});
