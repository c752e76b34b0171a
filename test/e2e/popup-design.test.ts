import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { drivers } from './harness/drivers.js';
import type { TestPage } from './harness/page.js';
import { company, extensionSuite, lookupFinished } from './harness/suite.js';
import { WORLD_REGISTRY, WORLD_SERVFAIL, WORLD_ZONE } from './harness/world.js';

// The popup as a person sees it, at its real size (380×600): what can act and
// how to reach it within the first 250 px, every section of the common cases
// on the first screen, and no serious or critical accessibility finding in
// any state, in light and dark.

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe findings on the page, as `rule: targets`. */
async function accessibilityProblems(page: TestPage): Promise<string[]> {
  await page.evaluateScript(AXE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, undefined);
}

interface Box {
  name: string;
  top: number;
  bottom: number;
}

/** Where the popup's parts are laid out, in CSS pixels from the top. */
function layout(page: TestPage): Promise<{ boxes: Box[]; scrollWidth: number }> {
  return page.evaluate(() => {
    const parts: Record<string, string> = {
      header: 'header.site',
      answer: '.answer',
      contact: '.answer .contact-primary',
      progress: '.progress',
      resources: '[data-resources]',
      companies: '.companies',
      missing: '.missing',
      copy: '.copy',
    };
    const boxes = Object.entries(parts).flatMap(([name, selector]) => {
      const e = document.querySelector(selector);
      if (e === null) return [];
      const r = e.getBoundingClientRect();
      return [{ name, top: Math.round(r.top), bottom: Math.round(r.bottom) }];
    });
    return { boxes, scrollWidth: document.documentElement.scrollWidth };
  }, undefined);
}

for (const driver of drivers) {
  describe(`the popup at 380×600 in ${driver.name}`, function () {
    const suite = extensionSuite(driver, WORLD_ZONE, WORLD_REGISTRY, { servfail: WORLD_SERVFAIL });

    const cases: { name: string; open: () => Promise<TestPage>; act: string; actor: string }[] = [
      { name: 'a proxied site', open: () => suite.ext.openPopup('host=www.proxied.example'), act: 'proxy', actor: 'Amazon Web Services' },
      { name: 'a proxied page in the tab', open: () => suite.popupForTab('http://cf-site.test/'), act: 'proxy', actor: 'Cloudflare' },
      { name: 'a plain origin', open: () => suite.ext.openPopup('host=origin.example'), act: 'origin', actor: 'Hetzner' },
      { name: 'a platform', open: () => suite.popupForTab('http://platform.test/'), act: 'platform', actor: 'Vercel' },
    ];

    for (const c of cases) {
      it(`shows who can act on ${c.name} and how to reach them within 250 px, and every section within 600 px`, async () => {
        const popup = await c.open();
        await popup.popupSize();
        await popup.waitForSelector(`[data-act="${c.act}"]`);
        await lookupFinished(popup);
        assert.match(await popup.innerText('.answer-text'), new RegExp(c.actor));
        assert.match(await popup.attribute('.answer .contact-primary a', 'aria-label') ?? '', new RegExp(`^Report to ${c.actor}`));
        const { boxes, scrollWidth } = await layout(popup);
        const where = boxes.map((b) => `${b.name} ${b.top}–${b.bottom}`).join(', ');
        const box = (name: string) => boxes.find((b) => b.name === name);
        assert.ok((box('answer')?.bottom ?? Infinity) <= 250, `the answer ends by 250 px: ${where}`);
        assert.ok((box('contact')?.bottom ?? Infinity) <= 250, `its contact ends by 250 px: ${where}`);
        for (const b of boxes) assert.ok(b.bottom <= 600, `${b.name} ends by 600 px: ${where}`);
        assert.ok(scrollWidth <= 380, `no sideways scrolling: ${scrollWidth} px wide`);
        await popup.close();
      });
    }

    it('has no serious or critical accessibility finding in any popup state, light or dark', async () => {
      const states: { name: string; open: () => Promise<TestPage>; ready: string; then?: (p: TestPage) => Promise<void> }[] = [
        { name: 'proxied, a company opened', open: () => suite.ext.openPopup('host=www.proxied.example'), ready: '[data-act="proxy"]', then: (p) => p.click(`${company('amazon', 'edge')} summary`) },
        { name: 'plain origin', open: () => suite.ext.openPopup('host=origin.example'), ready: '[data-act="origin"]' },
        { name: 'page resources opened', open: () => suite.popupForTab('http://links.test/'), ready: '[data-resources]', then: (p) => p.click('[data-resources] summary') },
        { name: 'challenge page', open: () => suite.popupForTab('http://challenged.test/'), ready: '[data-act="block-page"]' },
        { name: 'failed queries', open: () => suite.ext.openPopup('host=www.errors.example'), ready: '.missing' },
        { name: 'host that does not exist', open: () => suite.ext.openPopup('host=nope.example'), ready: '.notice' },
        { name: 'input that is no host', open: () => suite.ext.openPopup('host=mailto%3Aa%40b.example'), ready: '.notice' },
        { name: 'a browser page', open: async () => { await suite.page.goto('about:blank'); return suite.ext.openPopup(`tabId=${await suite.ext.activeTabId()}`); }, ready: '.notice' },
      ];
      const problems: string[] = [];
      for (const state of states) {
        const popup = await state.open();
        await popup.waitForSelector(state.ready);
        await lookupFinished(popup);
        await state.then?.(popup);
        for (const scheme of ['light', 'dark'] as const) {
          await popup.popupSize(scheme);
          problems.push(...(await accessibilityProblems(popup)).map((p) => `${state.name} (${scheme}): ${p}`));
        }
        await popup.close();
      }
      assert.deepEqual(problems, []);
    });

    it('has no serious or critical accessibility finding on the options page, light or dark', async () => {
      const options = await suite.ext.openOptions();
      await options.waitForText(/Provider catalogue: \d+ providers/);
      const problems: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await options.popupSize(scheme);
        problems.push(...(await accessibilityProblems(options)).map((p) => `${scheme}: ${p}`));
      }
      await options.close();
      assert.deepEqual(problems, []);
    });
  });
}
