import { ext as browser } from '../native-browser.js';
import { readSettings, type Settings } from '../core/settings.js';
import { loadOnce } from './load-once.js';

/**
 * The person's settings from storage.local, repaired if damaged (see
 * readSettings). Read once per worker life and kept until the options page
 * changes them: every popup needs them, and a storage read is a round trip to
 * the browser.
 */
export const loadSettings = loadOnce(async (): Promise<Settings> => readSettings((await browser.storage.local.get('settings')).settings));

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'settings' in changes) loadSettings.forget();
});
