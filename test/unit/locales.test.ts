import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../../src/core/locales.js';

const dir = fileURLToPath(new URL('../../_locales/', import.meta.url));
const load = (locale: string) => JSON.parse(readFileSync(`${dir}${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('_locales', () => {
  const en = load('en');
  for (const locale of readdirSync(dir).filter((l) => l !== 'en')) {
    it(`${locale} translates exactly the English keys`, () => assert.deepEqual(Object.keys(load(locale)).sort(), Object.keys(en).sort()));
  }
  it('is the list of locales the catalogue is written in', () => {
    assert.deepEqual(readdirSync(dir).sort(), [...LOCALES].sort());
  });
  it('uses only the characters message names may have', () => {
    for (const key of Object.keys(en)) assert.match(key, /^[A-Za-z0-9_@]+$/);
  });
  it('has a message for every state and reason the popup can show', () => {
    const keys = ['browser_page', 'local_file', 'extension_page', 'web_store', 'inline_content', 'invalid_url', 'hidden_url'].map((r) => `uninspectable_${r}`);
    for (const key of keys) assert.ok(en[key]?.message, key);
  });
});
