import { ext as browser } from '../native-browser.js';
import { tabRecorder } from './tab-records.js';
import { recentHosts } from './recent-hosts.js';

// The worker's two stores, over storage.session (so they outlive the worker
// and are gone when the browser closes). Tests build their own over a Map.
export const tabs = tabRecorder(browser.storage.session);
export const recent = recentHosts(browser.storage.session);
