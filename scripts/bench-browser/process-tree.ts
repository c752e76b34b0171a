import { readdirSync, readFileSync } from 'node:fs';

// What /proc says about one browser: its processes, their CPU time, and the
// extension's renderer and worker thread. Linux only, as is the benchmark.

const TICK_MS = 10; // USER_HZ is 100 on every Linux the project runs on

interface Proc {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in ms: the children's part holds renderers that exited and were reaped. */
  cpuMs: number;
}

/** A /proc file's text, or '' once its process or thread has exited. */
function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function readProc(pid: number): Proc | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === '') return undefined; // it exited while we looked
  // Fields after the command name, which may itself contain spaces and parentheses.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  // f[1] is ppid (field 4); f[11..14] are utime, stime, cutime, cstime (fields 14-17).
  return { pid, ppid: f[1]!, cpuMs: (f[11]! + f[12]! + f[13]! + f[14]!) * TICK_MS };
}

/** The browser process and every process below it (zygotes, renderers, utilities). */
function processTree(rootPid: number): Proc[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => readProc(Number(d)) ?? []);
  const tree = all.filter((p) => p.pid === rootPid);
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i]!.pid));
  return tree;
}

/** CPU time of the whole browser so far, in ms. */
export function browserCpuMs(rootPid: number): number {
  return processTree(rootPid).reduce((sum, p) => sum + p.cpuMs, 0);
}

/** The renderer process that hosts extension pages and the extension's worker, while one runs. */
export function extensionProcess(rootPid: number): number | undefined {
  return processTree(rootPid).find((p) => read(`/proc/${p.pid}/cmdline`).includes('--extension-process'))?.pid;
}

/** CPU time of a process, all its threads, in ms (tick resolution). */
export function processCpuMs(pid: number): number {
  return readProc(pid)?.cpuMs ?? 0;
}

/**
 * The thread that runs the extension's service worker and its CPU time so far
 * in ns, from the scheduler (schedstat: exact, not ticks); undefined while no
 * worker runs. Chromium names the thread "ServiceWorker thread" (the kernel
 * keeps 15 characters); a new tid is a new worker.
 */
export function workerThread(pid: number): { tid: number; ns: number } | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined; // the process is gone
  }
  const tid = tids.find((t) => read(`/proc/${pid}/task/${t}/comm`).startsWith('ServiceWorker'));
  const schedstat = tid === undefined ? '' : read(`/proc/${pid}/task/${tid}/schedstat`);
  return schedstat === '' ? undefined : { tid: Number(tid), ns: Number(schedstat.split(' ')[0]) };
}
