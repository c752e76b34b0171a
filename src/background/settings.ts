import browser from 'webextension-polyfill';
import { readSettings, type Settings } from '../core/settings.js';

// Read once per worker life and kept until the options page changes them: every
// popup needs them, and a storage read is a round trip to the browser.
let cached: Promise<Settings> | undefined;

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'settings' in changes) cached = undefined;
});

/** The person's settings from storage.local, repaired if damaged (see readSettings). */
export function loadSettings(): Promise<Settings> {
  cached ??= browser.storage.local.get('settings').then(
    (stored) => readSettings(stored.settings),
    (err: unknown) => {
      cached = undefined;
      throw err;
    },
  );
  return cached;
}
