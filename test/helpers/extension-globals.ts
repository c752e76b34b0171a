import { messagesOf } from './locale-words.js';

// Just enough of the extension namespace for popup components to render in
// Node: chrome.i18n over the shipped _locales, in a locale a test can switch.
// Imported before any component, so webextension-polyfill finds it.

let locale = 'en';
const messages: Record<string, Record<string, { message: string }>> = {};

export function useLocale(next: 'en' | 'de'): void {
  locale = next;
}

const i18n = {
  getMessage(key: string, subs?: string | string[]): string {
    const table = (messages[locale] ??= messagesOf(locale));
    const entry = Object.hasOwn(table, key) ? table[key] : undefined;
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry === undefined ? '' : entry.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  },
  getUILanguage: () => locale,
};

const fake = { runtime: { id: 'whoserves-test', getURL: (p: string) => `chrome-extension://whoserves-test/${p}` }, i18n };
Object.assign(globalThis, { chrome: fake, browser: fake });
