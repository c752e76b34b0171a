import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DIST = {
  chromium: fileURLToPath(new URL('../../../dist/chrome', import.meta.url)),
  firefox: fileURLToPath(new URL('../../../dist/firefox', import.meta.url)),
};

function firstExisting(what: string, install: string, candidates: (string | undefined)[]): string {
  const found = candidates.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
  if (found === undefined) throw new Error(`${what} not found: ${install}`);
  return found;
}

/**
 * The system Chromium (Debian's `chromium` package), or CHROME_PATH. The real
 * binary is preferred over /usr/bin/chromium, a wrapper script that works but
 * prints a harmless shell error on every start.
 */
export function chromiumPath(): string {
  return firstExisting('Chromium', "install Debian's `chromium` package or set CHROME_PATH",
    [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']);
}

/** The system Firefox (Debian's `firefox-esr` package), or FIREFOX_PATH. */
export function firefoxPath(): string {
  return firstExisting('Firefox', "install Debian's `firefox-esr` package or set FIREFOX_PATH",
    [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
}
