/// <reference types="chrome" />
// The baseline worker: what any extension that watches responses and badges tabs
// must cost. One empty response listener on every URL (the browser pays for
// routing each response to the extension), a badge on the same tab updates
// whoserves reacts to, and one answer to the popup.
import { EDGE_NAME } from '../edge-name.js';

chrome.webRequest.onResponseStarted.addListener(() => undefined, { urls: ['<all_urls>'] });

// tab.url is the committed URL: a badge set before the commit would be reset by the browser.
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if ((change.status !== undefined || change.url !== undefined) && /^https?:/.test(tab.url ?? '')) void chrome.action.setBadgeText({ tabId, text: 'B' });
});

chrome.runtime.onMessage.addListener((_message, _sender, reply) => {
  reply({ edge: EDGE_NAME });
});
