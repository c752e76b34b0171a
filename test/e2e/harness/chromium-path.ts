import { existsSync } from 'node:fs';

/**
 * The system Chromium (Debian's `chromium` package), or CHROME_PATH. The real
 * binary is preferred over /usr/bin/chromium, a wrapper script that works but
 * prints a harmless shell error on every start.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
  if (found === undefined) throw new Error('Chromium not found: install Debian\'s `chromium` package or set CHROME_PATH');
  return found;
}
