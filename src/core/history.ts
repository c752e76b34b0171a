import type { Report, Role } from './types.js';

// Provider history per registrable domain, kept in the browser only: when
// the companies serving a site change, the popup can say "moved from X to Y".

/** Where the history lives in storage.local (the worker writes it, the options page clears it). */
export const HISTORY_STORAGE_KEY = 'history';

const TRACKED: readonly Role[] = ['edge', 'hosting', 'dns'];
const MAX_CHANGES = 10;
const MAX_DOMAINS = 500;

/** Who served a domain, per role: provider names, sorted (ids change meaning less often than names, but names are what people read). */
export type Snapshot = Partial<Record<Role, string[]>>;

export interface Change {
  role: Role;
  from: string[];
  to: string[];
  at: number;
}

export interface DomainHistory {
  current: Snapshot;
  seenAt: number;
  changes: Change[];
}

export type History = Record<string, DomainHistory>;

/** The providers a report names per tracked role; the edge means the layer reached, not those behind it. */
export function snapshotOf(report: Report): Snapshot {
  const snap: Snapshot = {};
  for (const role of TRACKED) {
    const names = report.providers.filter((p) => p.role === role && p.behind === undefined).map((p) => p.name);
    if (names.length > 0) snap[role] = [...new Set(names)].sort();
  }
  return snap;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Adds what was seen now to a domain's history. A role counts as changed only
 * when both the old and the new snapshot name someone: a lookup that failed
 * this time is not a move. Bounded: ten changes per domain, 500 domains, the
 * least recently seen dropped first.
 */
export function recordSnapshot(history: History, domain: string, snap: Snapshot, now: number): { history: History; changes: Change[] } {
  const previous = history[domain];
  const changes: Change[] = [];
  const current: Snapshot = { ...(previous?.current ?? {}) };
  for (const role of TRACKED) {
    const to = snap[role];
    if (to === undefined) continue;
    const from = previous?.current[role];
    if (from !== undefined && !same(from, to)) changes.push({ role, from, to, at: now });
    current[role] = to;
  }
  const entry: DomainHistory = { current, seenAt: now, changes: [...(previous?.changes ?? []), ...changes].slice(-MAX_CHANGES) };
  const next: History = { ...history };
  delete next[domain];
  next[domain] = entry;
  const domains = Object.keys(next);
  if (domains.length > MAX_DOMAINS) {
    const oldest = domains.sort((a, b) => next[a]!.seenAt - next[b]!.seenAt).slice(0, domains.length - MAX_DOMAINS);
    for (const d of oldest) delete next[d];
  }
  return { history: next, changes };
}

/** The latest change per role, newest first: what the popup says. */
export function latestChanges(entry: DomainHistory | undefined): Change[] {
  const latest = new Map<Role, Change>();
  for (const c of entry?.changes ?? []) latest.set(c.role, c);
  return [...latest.values()].sort((a, b) => b.at - a.at);
}
