import browser from 'webextension-polyfill';
import { send } from '../src/messages.js';

/** What the popup is about: a tab (the toolbar button) or a host (a context-menu lookup). */
export type Subject = { kind: 'tab'; tabId: number } | { kind: 'host'; host: string };

/** `?tabId=N` or `?host=H` name the subject explicitly (the lookup window, tests); otherwise it is found at runtime. */
export function subjectFromLocation(search: string): Subject | undefined {
  const params = new URLSearchParams(search);
  const host = params.get('host');
  if (host !== null) return { kind: 'host', host };
  const tabId = Number(params.get('tabId'));
  if (params.has('tabId') && Number.isInteger(tabId) && tabId >= 0) return { kind: 'tab', tabId };
  return undefined;
}

/** A lookup the context menu left for us, or else the active tab of this window. */
export async function resolveSubject(): Promise<Subject> {
  const pending = await send('takePendingLookup', {});
  if (pending !== null) return { kind: 'host', host: pending.host };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return { kind: 'tab', tabId: tab.id };
}
