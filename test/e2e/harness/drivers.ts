import { chromiumDriver } from './chromium.js';
import { firefoxDriver } from './firefox.js';
import type { Driver } from './extension-browser.js';

const ALL: Driver[] = [chromiumDriver, firefoxDriver];

/**
 * The browsers every scenario runs in: all of them, or those named in
 * E2E_BROWSERS (`chromium`, `firefox`, comma-separated) for a quicker local run.
 */
export const drivers: Driver[] = (() => {
  const wanted = process.env.E2E_BROWSERS?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (wanted === undefined || wanted.length === 0) return ALL;
  const unknown = wanted.filter((w) => !ALL.some((d) => d.name === w));
  if (unknown.length > 0) throw new Error(`E2E_BROWSERS names unknown browsers: ${unknown.join(', ')}`);
  return ALL.filter((d) => wanted.includes(d.name));
})();
