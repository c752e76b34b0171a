import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { SessionStore } from './session-store.js';

// One entry per thing a person can point at. For a selection, Chrome and
// Firefox put the selected text where the title says %s.
const MENUS = [
  { id: 'whoserves-link', contexts: ['link'], title: 'menuLookupLink' },
  { id: 'whoserves-selection', contexts: ['selection'], title: 'menuLookupSelection' },
  { id: 'whoserves-page', contexts: ['page'], title: 'menuLookupPage' },
] as const;

const MAX_INPUT = 2048;

export interface PendingLookup {
  /** What to look up, as given: a URL, a host or an IP; the worker decides whether it names a host. */
  input: string;
  at: number;
}

// A lookup the popup should show when it opens. It expires so a later click
// on the toolbar button shows the current tab again, not an old lookup.
const PENDING_TTL_MS = 30_000;
const pending = new SessionStore<PendingLookup>('pending:', browser.storage.session, 0);

export function createMenus(): void {
  // removeAll first: onInstalled runs again on update, and a duplicate id throws.
  void browser.contextMenus.removeAll().then(() => {
    for (const menu of MENUS) browser.contextMenus.create({ id: menu.id, title: browser.i18n.getMessage(menu.title, '%s'), contexts: [...menu.contexts] });
  });
}

export async function takePendingLookup(now: number): Promise<PendingLookup | undefined> {
  const found = await pending.get('lookup');
  if (found !== undefined) await pending.delete('lookup');
  return found !== undefined && now - found.at < PENDING_TTL_MS ? found : undefined;
}

/**
 * Shows the lookup in the toolbar popup where the browser allows opening it,
 * otherwise in a small extension window, so a click never loses its answer.
 * openPopup is called in the same task as the click: Firefox only allows it
 * while handling the user's action. The popup's request for the pending
 * lookup queues behind the write started here, so it cannot miss it.
 */
function openLookup(input: string, tabId: number | undefined): Promise<void> {
  const stored = input === '' ? Promise.resolve() : pending.update('lookup', () => ({ input: input.slice(0, MAX_INPUT), at: Date.now() }), { flushNow: true });
  return browser.action.openPopup().then(
    () => stored,
    async () => {
      await stored;
      await pending.delete('lookup');
      const query = input === '' ? `tabId=${tabId ?? ''}` : `host=${encodeURIComponent(input.slice(0, MAX_INPUT))}`;
      await browser.windows.create({ url: browser.runtime.getURL(`popup.html?${query}`), type: 'popup', width: 420, height: 640 });
    },
  );
}

export function onMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): void {
  // A link or a selection is looked up as given; "this page" is the tab, as the toolbar button shows it.
  const input = info.menuItemId === 'whoserves-link' ? (info.linkUrl ?? '') : info.menuItemId === 'whoserves-selection' ? (info.selectionText ?? '').trim() : '';
  if (!MENUS.some((m) => m.id === info.menuItemId)) return;
  void openLookup(input, tab?.id).catch((err: unknown) => console.error('whoserves: context-menu lookup failed', err));
}
