import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wordsFrom, type Words } from '../../src/core/model/wording.js';

/** A locale's messages as shipped in _locales, for tests that word models as the popup would. */
export function messagesOf(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../_locales/${locale}/messages.json`, import.meta.url)), 'utf8')) as Record<string, { message: string }>;
}

export function wordsOf(locale: string): Words {
  return wordsFrom(messagesOf(locale));
}
