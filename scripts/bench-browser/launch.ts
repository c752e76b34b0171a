import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumPath } from '../../test/e2e/harness/browser-paths.js';
import { extensionArgs, offlineArgs } from '../../test/e2e/harness/chromium-args.js';
import { Cdp } from './cdp.js';

export interface BenchBrowser {
  /** What is loaded: an extension's name in the tables, or "no extension". */
  label: string;
  cdp: Cdp;
  /** The browser process; every other Chromium process of this browser is below it. */
  pid: number;
  /** Set when an extension is loaded. */
  extensionId: string | undefined;
  /** "Chrome/156.0.…" */
  version: string;
  close(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  profile: string;
}

/** Ends every process of one browser (its own process group) and removes its profile. */
function kill({ child, profile }: Running): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(profile, { recursive: true, force: true });
}

// Browsers still open, so an interrupted or failed run leaves no process or profile behind.
const running = new Set<Running>();
const killRunning = () => running.forEach(kill);
process.once('exit', killRunning);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killRunning();
    process.exit(130);
  });
}

async function extensionIdOf(cdp: Cdp): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (worker !== undefined) return new URL(worker.url).host;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the extension\'s worker never started');
}

/**
 * Headless Chromium on a fresh profile, with the e2e harness's offline flags
 * (every *.test name is the local site server, nothing else resolves) and the
 * given unpacked extension, if any, driven over a CDP pipe.
 */
export async function launchBrowser(label: string, sitePort: number, extensionDir?: string): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'whoserves-bench-browser-'));
  const args = [
    ...(extensionDir === undefined ? [] : extensionArgs(extensionDir)),
    ...offlineArgs(sitePort),
    // As Playwright passes for the e2e tests: a tab in the background is not slowed down.
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    'about:blank',
  ];
  // Its own process group, so cleanup can end every Chromium process of this browser and nothing else.
  const child = spawn(chromiumPath(), args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true });
  // The end of what it logs, to say why it would not start; Chromium logs plenty, so only the end is kept.
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-2000);
  });
  const entry = { child, profile };
  running.add(entry);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cdp = new Cdp(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const close = async () => {
    await Promise.race([cdp.send('Browser.close').catch(() => undefined), exited]);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    kill(entry); // whatever of it outlived Browser.close (a crash handler, say)
    running.delete(entry);
  };
  try {
    const { product } = await cdp.send('Browser.getVersion');
    const extensionId = extensionDir === undefined ? undefined : await extensionIdOf(cdp);
    return { label, cdp, pid: child.pid ?? -1, extensionId, version: product, close };
  } catch (err) {
    await close();
    throw new Error(`${label}: Chromium did not start (${err instanceof Error ? err.message : String(err)})\n${log}`);
  }
}
