import { ext as browser } from '../src/native-browser.js';
import type en from '../_locales/en/messages.json';
import { localeFor, type Locale } from '../src/core/locales.js';
import type { Words } from '../src/core/model/wording.js';

export type MessageKey = keyof typeof en;

/**
 * A localised string. Keys are checked against the English catalogue at
 * compile time; every locale has every key (a unit test checks).
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The same messages for core's wording functions, whose keys are built from typed values (WORDING_KEYS). */
export const words: Words = (key, ...substitutions) => browser.i18n.getMessage(key, substitutions) || key;

/** The catalogue's locale for the language the browser shows the extension in. */
export function uiLocale(): Locale {
  return localeFor(browser.i18n.getUILanguage());
}
