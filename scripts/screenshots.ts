// `npm run screenshots`: renders the popup's main states in headless Chromium
// into docs/, from the same local sites the end-to-end tests use.
/// <reference types="chrome" />
import { fileURLToPath } from 'node:url';
import { launchWithExtension, tabIdOf, waitUntilRecorded, waitUntilWatching } from '../test/e2e/harness/browser.js';
import { startSites } from '../test/e2e/harness/sites.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const shots: { file: string; url: string; dark?: boolean; openEvidence?: boolean }[] = [
  { file: 'popup-cloudflare.png', url: 'http://cf-site.test/', openEvidence: true },
  { file: 'popup-plain-origin.png', url: 'http://plain.test/' },
  { file: 'popup-dark.png', url: 'http://cf-site.test/', dark: true },
];

const sites = await startSites();
const ext = await launchWithExtension(sites.port);
try {
  const tab = await ext.context.newPage();
  await waitUntilWatching(ext, tab);
  for (const shot of shots) {
    await tab.goto(shot.url);
    await waitUntilRecorded(ext.worker, new URL(shot.url).hostname);
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.emulateMedia({ colorScheme: shot.dark === true ? 'dark' : 'light' });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${await tabIdOf(ext.worker, shot.url)}`);
    await popup.locator('.site-host').waitFor();
    if (shot.openEvidence === true) await popup.locator('.evidence summary').first().click();
    await popup.locator('body').screenshot({ path: `${docs}${shot.file}` });
    await popup.close();
    console.log(`docs/${shot.file}`);
  }
} finally {
  await ext.close();
  await sites.close();
}
