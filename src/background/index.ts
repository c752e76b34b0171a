/*
 * The background worker: wires browser events to the recorder and serves the popup.
 *
 * Tab state (tab-records.ts, in storage.session so it outlives the worker):
 * - a main_frame response (webRequest.onResponseStarted, with the headers signatures
 *   read) is a candidate for its tab until the tab commits to that URL;
 * - the commit (tabs.onUpdated, status "loading", which Chrome and Firefox send after
 *   the response and as the document changes) makes it the tab's document, or restores
 *   a document the tab showed before (back/forward cache), or keeps the document
 *   (same-document navigation); the badge is set then, once, because Chrome clears a
 *   tab's badge on commit, and the popup's first answer is kept ready (kept-answers.ts);
 * - every other response adds its host and address to the tab's document;
 * - the record is dropped when the tab closes.
 * No content script: everything above comes from the browser itself.
 */
import './wake.js';
import { ext as browser } from '../native-browser.js';
import { serveLookups } from '../messages.js';
import { pageTarget } from '../core/page-target.js';
import { tabs } from './stores.js';
import { documentsRecorded, recordDocument, recordResource } from './recorder.js';
import { showBadge } from './badge.js';
import { tabShows } from './tab-shown.js';
import { dropTab } from './kept-answers.js';
import { createMenus, onMenuClicked } from './context-menu.js';
import { serveLookup } from './lookup-service.js';
import { listenForCommits, responseListenerOptions } from './platform.js';
import { guardOwnRequests } from './network-guard.js';
import type { WebRequest } from 'webextension-polyfill';

function report(err: unknown): void {
  console.error('whoserves:', err);
}

guardOwnRequests();
browser.webRequest.onResponseStarted.addListener((details) => void recordDocument(details).catch(report), { urls: ['<all_urls>'], types: ['main_frame'] }, responseListenerOptions(browser.webRequest) as WebRequest.OnResponseStartedOptions[]);
browser.webRequest.onResponseStarted.addListener(recordResource, { urls: ['<all_urls>'] });

listenForCommits(
  browser,
  (tabId, url) => {
    const target = pageTarget(url);
    // A page with no web host keeps the tab's old answer in storage; the popup shows an answer only for the URL it was kept for.
    if (target.kind !== 'site') return;
    void documentsRecorded(tabId)
      .catch(() => undefined)
      .then(() => tabs.commit(tabId, url, target.host))
      .then(({ commit, document }) => tabShows(tabId, target, document, commit))
      .catch(report);
  },
  (tabId, url) => {
    const target = pageTarget(url);
    if (target.kind !== 'site') return;
    void tabs
      .documentAt(tabId, url, target.host)
      .then((document) => (document === undefined ? undefined : showBadge(tabId, document)))
      .catch(report);
  },
);
browser.tabs.onRemoved.addListener((tabId) => void Promise.all([tabs.forgetTab(tabId), dropTab(tabId)]).catch(report));

browser.runtime.onInstalled.addListener(createMenus);
browser.runtime.onStartup.addListener(createMenus);
browser.contextMenus.onClicked.addListener(onMenuClicked);

serveLookups((subject, send) => serveLookup(subject, send));
