import { ext as browser } from '../native-browser.js';
import type { Menus, Tabs } from 'webextension-polyfill';
import { SessionStore } from './session-store.js';
import { MAX_INPUT } from '../core/limits.js';
import { PENDING_LOOKUP_KEY, PENDING_LOOKUP_PREFIX } from '../protocol.js';

// One entry per thing a person can point at. For a selection, Chrome and
// Firefox put the selected text where the title says %s.
const MENUS = [
  { id: 'whoserves-link', contexts: ['link'], title: 'menuLookupLink', origin: 'link' },
  { id: 'whoserves-selection', contexts: ['selection'], title: 'menuLookupSelection', origin: 'selection' },
  { id: 'whoserves-page', contexts: ['page'], title: 'menuLookupPage', origin: 'page' },
] as const;

/** What the context menu asked about: a link or selected text as given (the worker decides whether it names a host), or the page in a tab. */
export type PointedAt = { origin: 'link' | 'selection'; input: string } | { origin: 'page'; tabId: number };

export type PendingLookup = PointedAt & { at: number };

// A lookup the popup should show when it opens. It expires so a later click
// on the toolbar button shows the current tab again, not an old lookup.
const PENDING_TTL_MS = 30_000;
const pending = new SessionStore<PendingLookup>(PENDING_LOOKUP_PREFIX, browser.storage.session, 0);

export function createMenus(): void {
  // The old items go first (onInstalled runs again on update, and a duplicate id is an error). The
  // browser handles one extension's calls in order, so nothing waits: Chrome returns a promise from
  // removeAll only in recent versions.
  void Promise.resolve(browser.contextMenus.removeAll()).catch((err: unknown) => console.error('whoserves: could not reset the menus', err));
  for (const menu of MENUS) browser.contextMenus.create({ id: menu.id, title: browser.i18n.getMessage(menu.title, '%s'), contexts: [...menu.contexts] });
}

/** The lookup the context menu left for the popup, if one is waiting and fresh; taken only once. */
export async function takePendingLookup(now: number): Promise<PendingLookup | undefined> {
  const found = await pending.get(PENDING_LOOKUP_KEY);
  if (found !== undefined) await pending.delete(PENDING_LOOKUP_KEY);
  return found !== undefined && now - found.at < PENDING_TTL_MS ? found : undefined;
}

/**
 * Shows the lookup in the toolbar popup where the browser allows opening it,
 * otherwise in a small extension window, so a click never loses its answer.
 * openPopup is called in the same task as the click: Firefox only allows it
 * while handling the user's action. The popup's request for the pending
 * lookup queues behind the write started here, so it cannot miss it.
 */
function openLookup(lookup: PointedAt): Promise<void> {
  const stored = pending.update(PENDING_LOOKUP_KEY, () => ({ ...lookup, at: Date.now() }), { flushNow: true });
  return browser.action.openPopup().then(
    () => stored,
    async () => {
      await stored;
      await pending.delete(PENDING_LOOKUP_KEY);
      const query = lookup.origin === 'page' ? `tabId=${lookup.tabId}&origin=page` : `host=${encodeURIComponent(lookup.input)}&origin=${lookup.origin}`;
      await browser.windows.create({ url: browser.runtime.getURL(`popup.html?${query}`), type: 'popup', width: 420, height: 640 });
    },
  );
}

export function onMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): void {
  const menu = MENUS.find((m) => m.id === info.menuItemId);
  if (menu === undefined) return;
  // A link or a selection is looked up as given; "this page" is the tab, as the toolbar button shows it.
  const lookup: PointedAt | undefined =
    menu.origin === 'page'
      ? tab?.id === undefined ? undefined : { origin: 'page', tabId: tab.id }
      : { origin: menu.origin, input: (menu.origin === 'link' ? (info.linkUrl ?? '') : (info.selectionText ?? '').trim()).slice(0, MAX_INPUT) };
  if (lookup === undefined) return;
  void openLookup(lookup).catch((err: unknown) => console.error('whoserves: context-menu lookup failed', err));
}
