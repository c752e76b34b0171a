import type { Cdp } from './cdp.js';

export interface Tab {
  targetId: string;
  sessionId: string;
}

/**
 * Runs in every document the tab opens before the page's own scripts (in
 * the page's script context, which Blink creates when the first script needs
 * it): resolves `__benchVisible` when `text` first becomes visible: in a text
 * node of the page whose element is rendered (not display:none, hidden or
 * transparent); the frame that paints it comes after, for every popup alike.
 * It reads textContent, not innerText: innerText lays the page out, and the
 * observer runs at every batch of changes, so the instrument would lay out
 * states the browser itself never does (more of them the more a page builds).
 * Times are Date.now(), the clock Node and the extension's worker read too.
 */
function visibilityMarker(text: string): string {
  return `globalThis.__benchVisible = new Promise((resolve) => {
    const text = ${JSON.stringify(text)};
    const seen = () => {
      const body = document.body;
      if (!body?.textContent.includes(text)) return false;
      const nodes = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = nodes.nextNode(); node; node = nodes.nextNode()) {
        if (node.data.includes(text) && node.parentElement?.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return true;
      }
      return false;
    };
    if (seen()) return resolve(Date.now());
    new MutationObserver((_, observer) => {
      if (!seen()) return;
      resolve(Date.now());
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });`;
}

/** A new tab on about:blank, its session attached; given a text, every document it shows watches for it. */
export async function openTab(cdp: Cdp, visibleText?: string): Promise<Tab> {
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  await cdp.send('Page.enable', undefined, sessionId);
  if (visibleText !== undefined) await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: visibilityMarker(visibleText) }, sessionId);
  return { targetId, sessionId };
}

export async function closeTab(cdp: Cdp, tab: Tab): Promise<void> {
  await cdp.send('Target.closeTarget', { targetId: tab.targetId });
}

/** Navigates and resolves once the new document exists (`commit`) or has fired its load event (`load`). */
export async function navigate(cdp: Cdp, tab: Tab, url: string, until: 'commit' | 'load'): Promise<void> {
  const reached = until === 'load'
    ? cdp.waitFor('Page.loadEventFired', undefined, tab.sessionId)
    : cdp.waitFor('Page.frameNavigated', ({ frame }) => frame.parentId === undefined && frame.url === url, tab.sessionId);
  const { errorText } = await cdp.send('Page.navigate', { url }, tab.sessionId);
  if (errorText !== undefined) throw new Error(`${url}: ${errorText}`);
  await reached;
}

/**
 * When the tab's current document was created: the navigation's commit as
 * the page's renderer sees it (Navigation Timing's domLoading, epoch ms; the
 * newer PerformanceNavigationTiming has no such mark).
 */
export async function committedAt(cdp: Cdp, tab: Tab): Promise<number> {
  const at = await cdp.evaluate<number>(tab.sessionId, 'performance.timing.domLoading');
  if (!(at > 0)) throw new Error('performance.timing.domLoading is gone from this browser: find another commit mark');
  return at;
}

/** When the text given to openTab became visible in the tab's current document (Date.now()); waits for it. */
export async function visibleAt(cdp: Cdp, tab: Tab, timeoutMs = 15_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`nothing became visible within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([cdp.evaluate<number>(tab.sessionId, 'globalThis.__benchVisible'), late]);
  } finally {
    clearTimeout(timer);
  }
}
