// Renders icons/icon.svg to the PNG sizes the manifest names (browsers do not
// take SVG toolbar icons everywhere). Run after editing the SVG; the PNGs are
// committed so a build needs no browser.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../test/e2e/harness/browser-paths.js';

const icons = fileURLToPath(new URL('../icons/', import.meta.url));
const svg = await readFile(`${icons}icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
    await page.screenshot({ path: `${icons}icon-${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('rendered icons/icon-{16,32,48,128}.png');
