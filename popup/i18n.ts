import browser from 'webextension-polyfill';
import type en from '../_locales/en/messages.json';
import { localeFor } from '../src/core/locales.js';

export type MessageKey = keyof typeof en;

/**
 * A localised string. Keys are checked against the English catalogue at
 * compile time; a key built from data (a reason, a role) is normalised the
 * way _locales requires (letters, digits and underscores only).
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function tDynamic(prefix: string, value: string, ...substitutions: string[]): string {
  return t(`${prefix}_${value.replace(/-/g, '_')}` as MessageKey, ...substitutions);
}

/** The catalogue's locale for the language the browser shows the extension in. */
export const uiLocale = localeFor(browser.i18n.getUILanguage());
