import { ext as browser } from '../src/native-browser.js';
import type { LookupSubject } from '../src/protocol.js';

const INPUT_ORIGINS = ['link', 'selection', 'page', 'search'] as const;

/**
 * `?tabId=N` or `?host=H&origin=O` name the subject explicitly (the lookup
 * window the context menu opens where the toolbar popup cannot, and tests);
 * otherwise the popup is about the active tab.
 */
export function subjectFromLocation(search: string): LookupSubject | undefined {
  const params = new URLSearchParams(search);
  const host = params.get('host');
  const origin = INPUT_ORIGINS.find((o) => o === params.get('origin')) ?? 'link';
  if (host !== null) return { kind: 'input', input: host, origin: origin === 'page' ? 'link' : origin };
  const tabId = Number(params.get('tabId'));
  if (params.has('tabId') && Number.isInteger(tabId) && tabId >= 0) return { kind: 'tab', tabId, takePending: false };
  return undefined;
}

/** The active tab of this window; a lookup the context menu left waiting is taken first. */
export async function activeTabSubject(): Promise<LookupSubject> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return { kind: 'tab', tabId: tab.id, takePending: true };
}
