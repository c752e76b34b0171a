import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../../src/core/locales.js';
import { WORDING_KEYS } from '../../src/core/model/wording.js';
import { RESOLVER_PRESETS } from '../../src/core/settings.js';
import { LOOKUP_REFUSALS, type UninspectableReason } from '../../src/core/page-target.js';

// Every word the extension shows comes from _locales, and every locale has
// every key the code can ask for, including keys built from typed values.

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '_locales');
const load = (locale: string) => JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(sub: string): string[] {
  return readdirSync(join(root, sub)).flatMap((name) => {
    const path = join(root, sub, name);
    if (statSync(path).isDirectory()) return sources(relative(root, path));
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every message key the code can ask for at run time. */
function keysUsed(): Set<string> {
  const keys = new Set<string>(WORDING_KEYS);
  const code = [...sources('popup'), ...sources('options'), ...sources('src')].map((f) => readFileSync(f, 'utf8')).join('\n');
  // A wording function's first argument: a literal key, or literal keys chosen by a condition.
  for (const call of code.matchAll(/\b(?:t|w|words|english|getMessage)\((?:[^,()]*\? )?'([A-Za-z][A-Za-z0-9_]*)'(?: : '([A-Za-z][A-Za-z0-9_]*)')?/g)) {
    keys.add(call[1]!);
    if (call[2] !== undefined) keys.add(call[2]);
  }
  for (const m of code.matchAll(/title: '(menu[A-Za-z]+)'/g)) keys.add(m[1]!);
  for (const m of JSON.stringify(JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'))).matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(m[1]!);
  // Keys built from typed values: every value the type allows.
  const reasons: UninspectableReason[] = ['browser-page', 'local-file', 'extension-page', 'web-store', 'inline-content', 'invalid-url', 'hidden-url'];
  for (const r of reasons) keys.add(`uninspectable_${r.replace(/-/g, '_')}`);
  for (const r of Object.keys(LOOKUP_REFUSALS)) keys.add(`refusal_${r.replace(/-/g, '_')}`);
  for (const o of ['link', 'selection', 'page', 'search']) keys.add(`origin_${o}`);
  for (const s of ['dns', 'site', 'registry']) keys.add(`step_${s}`);
  for (const s of ['pending', 'done', 'failed', 'off', 'not_needed']) keys.add(`stepState_${s}`);
  for (const p of RESOLVER_PRESETS) keys.add(`preset_${p.id}`);
  return keys;
}

describe('_locales', () => {
  const en = load('en');
  it('is the list of locales the catalogue is written in', () => assert.deepEqual(readdirSync(dir).sort(), [...LOCALES].sort()));
  for (const locale of LOCALES) {
    it(`${locale} has every key the code asks for`, () => {
      const messages = load(locale);
      const missing = [...keysUsed()].filter((k) => messages[k]?.message === undefined || messages[k]!.message === '');
      assert.deepEqual(missing, []);
    });
    it(`${locale} has no key the code never asks for`, () => {
      const used = keysUsed();
      assert.deepEqual(Object.keys(load(locale)).filter((k) => !used.has(k) && !k.startsWith('about') && !k.startsWith('options')), []);
    });
  }
  it('uses only the characters message names may have', () => {
    for (const key of Object.keys(en)) assert.match(key, /^[A-Za-z0-9_@]+$/);
  });
  it('keeps every substitution in every translation', () => {
    for (const locale of LOCALES) {
      const messages = load(locale);
      for (const [key, { message }] of Object.entries(en)) {
        const placeholders = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();
        assert.deepEqual(placeholders(messages[key]!.message), placeholders(message), `${locale} ${key}`);
      }
    }
  });
  it('translates every sentence into German: none is left in English', () => {
    const de = load('de');
    // Names and technical terms that are the same in both languages.
    const same = new Set(['whoserves', 'DNS', 'Registry', 'Registrar', 'Hosting', 'Host', 'HTTP $1', 'Mullvad', 'Cloudflare', 'Google', '$1', 'Edge']);
    const untranslated = Object.keys(en).filter((k) => de[k]!.message === en[k]!.message && !same.has(en[k]!.message));
    assert.deepEqual(untranslated, []);
  });
});
