// A tab as tests see it, the same in every browser: the few things a person
// does and sees. Elements are found by in-page functions shared by both
// drivers (so a name matches the same way in Chromium and Firefox); clicks and
// typing go through each driver's real input, so the page sees real events.

/** What a driver provides for one tab; everything else is built on it here. */
export interface RawPage {
  goto(url: string): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  /** Runs a script's source in the page, outside its content security policy (as the browser's devtools do). */
  evaluateScript(source: string): Promise<unknown>;
  setViewport(viewport: { width: number; height: number }): Promise<void>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export type Role = 'button' | 'link' | 'checkbox' | 'radio';

export interface TestPage {
  /** Loads a web page and resolves once it has loaded. */
  goto(url: string): Promise<void>;
  /** Waits until some element matching `within` (the whole page by default) shows the text (a substring) or matches the pattern. */
  waitForText(text: string | RegExp, within?: string): Promise<void>;
  waitForSelector(selector: string): Promise<void>;
  /** Waits until nothing matches the selector. */
  waitUntilGone(selector: string): Promise<void>;
  /** Clicks the first visible element matching the selector. */
  click(selector: string): Promise<void>;
  /** Clicks the visible control with this role and accessible name. */
  clickRole(role: Role, name: string | RegExp): Promise<void>;
  /** Types into the visible text field with this accessible name, replacing its value. */
  fill(label: string, value: string): Promise<void>;
  /** The rendered text of the first element matching the selector, once there is one. */
  innerText(selector: string): Promise<string>;
  attribute(selector: string, name: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  /** Runs `fn(arg)` in the page; `fn` crosses into the page as source, so it can use only its argument. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluateScript(source: string): Promise<unknown>;
  /** Lays the page out at the popup's real size, 380×600, in a light or dark colour scheme. */
  popupSize(colorScheme?: 'light' | 'dark'): Promise<void>;
  /** The page at popup size, for documentation. */
  screenshot(path: string, options?: { colorScheme?: 'light' | 'dark' }): Promise<void>;
  close(): Promise<void>;
}

export const WAIT_MS = 10_000;

/**
 * Resolves once `check()` is truthy, asking every 50 ms. A check that throws
 * is asked again (an evaluation fails while a page replaces its document);
 * the last failure is the cause if time runs out.
 */
export async function poll(check: () => unknown, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      failure = err;
    }
    if (Date.now() >= deadline) throw new Error(`${what} within ${timeoutMs} ms`, failure === undefined ? {} : { cause: failure });
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Resolves once `fn(arg)` is truthy in the page. Polled from Node rather than
 * in the page: Firefox throttles timers in background tabs, and its BiDi can
 * leave an in-page wait on the document a navigation replaced.
 */
export function pollInPage<A>(evaluate: RawPage['evaluate'], fn: (arg: A) => unknown, arg: A, what: string, timeoutMs = WAIT_MS): Promise<void> {
  return poll(() => evaluate(fn, arg), what, timeoutMs);
}

/** A pattern as it crosses into the page: RegExp objects do not serialise. */
type Pattern = { kind: 'text'; text: string } | { kind: 'regexp'; source: string; flags: string };
const pattern = (p: string | RegExp): Pattern => (typeof p === 'string' ? { kind: 'text', text: p } : { kind: 'regexp', source: p.source, flags: p.flags });

// The in-page functions below run in the page, so they can use only their
// argument; their helpers are object methods because the test runner's
// transpiler wraps named local functions in a helper the page does not have.

function showsText({ within, want }: { within: string; want: Pattern }): boolean {
  return [...document.querySelectorAll<HTMLElement>(within)].some((e) => {
    const text = e.innerText.replace(/\s+/g, ' ').trim();
    return want.kind === 'text' ? text.includes(want.text) : new RegExp(want.source, want.flags).test(text);
  });
}

/** Marks the first visible element that fits with `data-e2e-pick=<token>`, so the driver can act on it by selector. */
function pick({ selector, role, name, token }: { selector: string; role?: string; name?: Pattern; token: string }): boolean {
  const ROLES: Record<string, string> = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    link: 'a[href], [role="link"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    radio: 'input[type="radio"], [role="radio"]',
    field: 'input:not([type]), input[type="text"], input[type="url"], input[type="search"], textarea, [role="textbox"], [role="searchbox"]',
  };
  const h = {
    normal(s: string): string {
      return s.replace(/\s+/g, ' ').trim();
    },
    accessibleName(e: Element): string {
      const label = e.getAttribute('aria-label');
      if (label !== null) return h.normal(label);
      const by = e.getAttribute('aria-labelledby');
      if (by !== null) return h.normal(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      const labels = (e as HTMLInputElement).labels;
      if (labels !== undefined && labels !== null && labels.length > 0) return h.normal([...labels].map((l) => l.textContent ?? '').join(' '));
      return h.normal(e.textContent ?? '');
    },
    fits(e: Element): boolean {
      if (e.getClientRects().length === 0) return false;
      if (name === undefined) return true;
      const n = h.accessibleName(e);
      return name.kind === 'text' ? n === name.text : new RegExp(name.source, name.flags).test(n);
    },
  };
  const found = [...document.querySelectorAll(role === undefined ? selector : (ROLES[role] ?? role))].find((e) => h.fits(e));
  found?.setAttribute('data-e2e-pick', token);
  return found !== undefined;
}

let picks = 0;

export function testPage(raw: RawPage): TestPage {
  // A failed wait says what the page showed instead, which is most of a diagnosis.
  const until = <A>(fn: (arg: A) => unknown, arg: A, what: string) =>
    pollInPage(raw.evaluate, fn, arg, what).catch(async (err: unknown) => {
      const shown = await raw.evaluate(() => document.body?.innerText ?? '', undefined).catch(() => '(page gone)');
      throw new Error(`${(err as Error).message}; the page shows:\n${shown}`, { cause: err });
    });
  const found = async (target: { selector: string; role?: string; name?: Pattern }, what: string): Promise<string> => {
    const token = String((picks += 1));
    await until(pick, { ...target, token }, `no visible ${what}`);
    return `[data-e2e-pick="${token}"]`;
  };
  const popupSize = async (colorScheme: 'light' | 'dark' = 'light') => {
    await raw.setViewport({ width: 380, height: 600 });
    await raw.setColorScheme(colorScheme);
  };
  const waitFor = (selector: string) => until((s) => document.querySelector(s) !== null, selector, `nothing matches ${selector}`);
  return {
    goto: (url) => raw.goto(url),
    waitForText: (text, within = 'body') => until(showsText, { within, want: pattern(text) }, `${within} never showed ${String(text)}`),
    waitForSelector: waitFor,
    waitUntilGone: (selector) => until((s) => document.querySelector(s) === null, selector, `${selector} still there`),
    click: async (selector) => raw.click(await found({ selector }, selector)),
    clickRole: async (role, name) => raw.click(await found({ selector: '', role, name: pattern(name) }, `${role} named ${String(name)}`)),
    fill: async (label, value) => raw.fill(await found({ selector: '', role: 'field', name: pattern(label) }, `field named ${label}`), value),
    async innerText(selector) {
      await waitFor(selector);
      return raw.evaluate((s) => document.querySelector<HTMLElement>(s)?.innerText ?? '', selector);
    },
    async attribute(selector, name) {
      await waitFor(selector);
      return raw.evaluate(({ s, n }) => document.querySelector(s)?.getAttribute(n) ?? null, { s: selector, n: name });
    },
    count: (selector) => raw.evaluate((s) => document.querySelectorAll(s).length, selector),
    evaluate: (fn, arg) => raw.evaluate(fn, arg),
    evaluateScript: (source) => raw.evaluateScript(source),
    popupSize,
    async screenshot(path, options = {}) {
      await popupSize(options.colorScheme);
      await raw.screenshot(path);
    },
    close: () => raw.close(),
  };
}
