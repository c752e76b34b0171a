#!/usr/bin/env node
// `npm start [URL]`: builds the extension and opens it in Chromium with a fresh
// profile. Where no browser window can open (no display, no Chromium), it says
// how to load the built extension by hand instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromeDist = join(root, 'dist', 'chrome');
const firefoxDist = join(root, 'dist', 'firefox');
const startUrl = process.argv[2] ?? 'https://example.com/';

const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const manual = `
Load the extension by hand:
  Chrome / Chromium / Edge: open chrome://extensions, turn on "Developer mode",
                            click "Load unpacked" and choose ${chromeDist}
  Firefox:                  open about:debugging#/runtime/this-firefox, click
                            "Load Temporary Add-on…" and choose ${join(firefoxDist, 'manifest.json')}
Then visit a site and click the whoserves button in the toolbar.`;

// Branded Google Chrome (137+) ignores --load-extension, so only Chromium builds are launched.
const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'].filter(Boolean);
const browser = candidates.find((p) => existsSync(p));
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (browser === undefined || !hasDisplay) {
  console.log(browser === undefined
    ? '\nBuilt dist/chrome and dist/firefox. No Chromium found to open them in (install Debian\'s `chromium` package or set CHROME_PATH).'
    : '\nBuilt dist/chrome and dist/firefox. No display here, so no browser window can open.');
  console.log(manual);
  process.exit(0);
}

const profile = mkdtempSync(join(tmpdir(), 'whoserves-profile-'));
const args = [`--user-data-dir=${profile}`, `--load-extension=${chromeDist}`, '--no-first-run', '--no-default-browser-check', startUrl];
// Chromium refuses to run as root without this; a developer's own account does not need it.
if (process.getuid?.() === 0) args.unshift('--no-sandbox');
console.log(`\nOpening ${browser} with whoserves loaded (profile ${profile}).`);
console.log('Click the whoserves button in the toolbar (pin it from the puzzle-piece menu). After a code change, run `npm run watch` and reload the extension.');
spawn(browser, args, { stdio: 'ignore', detached: true }).unref();
