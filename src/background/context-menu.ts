import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { lookupTarget } from '../core/page-target.js';
import { SessionStore } from './session-store.js';

const LINK_MENU_ID = 'whoserves-link';

export interface PendingLookup {
  host: string;
  at: number;
}

// A lookup the popup should show when it opens. It expires so a later click
// on the toolbar button shows the current tab again, not an old lookup.
const PENDING_TTL_MS = 30_000;
const pending = new SessionStore<PendingLookup>('pending:', 0);

export function createMenus(): void {
  // removeAll first: onInstalled runs again on update, and a duplicate id throws.
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({
      id: LINK_MENU_ID,
      title: browser.i18n.getMessage('menuLookupLink'),
      contexts: ['link'],
    });
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
function openLookup(host: string): Promise<void> {
  const stored = pending.update('lookup', () => ({ host, at: Date.now() }), { flushNow: true });
  return browser.action.openPopup().then(
    () => stored,
    async () => {
      await stored;
      await pending.delete('lookup');
      await browser.windows.create({
        url: browser.runtime.getURL(`popup.html?host=${encodeURIComponent(host)}`),
        type: 'popup',
        width: 420,
        height: 600,
      });
    },
  );
}

export function onMenuClicked(info: Menus.OnClickData, _tab: Tabs.Tab | undefined): void {
  if (info.menuItemId !== LINK_MENU_ID || info.linkUrl === undefined) return;
  const target = lookupTarget(info.linkUrl);
  // A mailto: or javascript: link names no host we could look up; say so in the window.
  void openLookup(target?.host ?? '').catch((err: unknown) => console.error('whoserves: context-menu lookup failed', err));
}
