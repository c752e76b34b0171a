import browser from 'webextension-polyfill';
import { readSettings, type Settings } from '../core/settings.js';

/** The person's settings from storage.local, repaired if damaged (see readSettings). */
export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get('settings')).settings);
}
