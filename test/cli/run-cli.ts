import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The command under test: the built `bin/whoserves.mjs`, or another build's
 * (`WHOSERVES_BIN=/elsewhere/bin/whoserves.mjs npm run test:cli`, to show a
 * test fails on an older build).
 */
export const bin = process.env.WHOSERVES_BIN ?? fileURLToPath(new URL('../../bin/whoserves.mjs', import.meta.url));

const peakRssHook = pathToFileURL(fileURLToPath(new URL('../helpers/peak-rss.mjs', import.meta.url))).href;

export interface RunOptions {
  /** Text for standard input (default: none, stdin closed at once). */
  input?: string;
  /** A file to connect to standard input instead. */
  stdinFile?: string;
  /** Measure the process's peak resident set size (in bytes, as `peakRss`). */
  measureRss?: boolean;
  /** A safety net, not a measurement: kill the process after this long (default 20 s) and say so in `err`. */
  killAfterMs?: number;
}

export interface RunResult {
  code: number | null;
  out: string;
  err: string;
  /** Wall-clock milliseconds from spawn to exit (only ever compared within one run, or against a generous bound). */
  ms: number;
  peakRss?: number;
}

/** Runs the built `whoserves` as a user would, asynchronously (so local servers in the test keep answering). */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const rssDir = options.measureRss === true ? mkdtempSync(join(tmpdir(), 'whoserves-rss-')) : undefined;
  const rssFile = rssDir === undefined ? undefined : join(rssDir, 'rss');
  const nodeArgs = rssFile === undefined ? [] : ['--import', peakRssHook];
  const stdinFd = options.stdinFile === undefined ? undefined : openSync(options.stdinFile, 'r');
  const started = performance.now();
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const child = spawn(process.execPath, [...nodeArgs, bin, ...args], {
      stdio: [stdinFd ?? 'pipe', 'pipe', 'pipe'],
      env: rssFile === undefined ? process.env : { ...process.env, WHOSERVES_RSS_FILE: rssFile },
    });
    if (stdinFd !== undefined) closeSync(stdinFd);
    else child.stdin?.end(options.input ?? '');
    const killer = setTimeout(() => {
      err.push(Buffer.from(`\n[killed by the test after ${options.killAfterMs ?? 20_000} ms]\n`));
      child.kill('SIGKILL');
    }, options.killAfterMs ?? 20_000);
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('close', (code) => {
      clearTimeout(killer);
      const result: RunResult = { code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString(), ms: performance.now() - started };
      if (rssFile !== undefined && rssDir !== undefined) {
        result.peakRss = Number(readFileSync(rssFile, 'utf8'));
        rmSync(rssDir, { recursive: true, force: true });
      }
      resolve(result);
    });
  });
}

/** The same, synchronously, for the offline commands. */
export function runCliSync(args: string[], input = ''): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
