import type { Report, Role } from './types.js';
import { isObject } from './is-object.js';

// Provider history per host, kept in the browser only: when the companies
// serving a site change, the popup can say "moved from X to Y". Keyed by the
// host, not the registrable domain: shop.example.com and www.example.com may
// be served by different companies, and that is not a move.

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
 * this time is not a move. Bounded: ten changes per host, 500 hosts, the
 * least recently seen dropped first.
 */
export function recordSnapshot(history: History, host: string, snap: Snapshot, now: number): { history: History; changes: Change[] } {
  const previous = Object.hasOwn(history, host) ? history[host] : undefined;
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
  delete next[host];
  next[host] = entry;
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

const MAX_NAMES = 8;
const MAX_NAME_LENGTH = 100;

/** Roles as stored by earlier versions, which called the edge `cdn`. */
const STORED_ROLE: Record<string, Role> = { edge: 'edge', cdn: 'edge', hosting: 'hosting', dns: 'dns' };

function readNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.filter((n): n is string => typeof n === 'string' && n !== '' && n.length <= MAX_NAME_LENGTH).slice(0, MAX_NAMES);
  return names.length === 0 ? undefined : names;
}

function readSnapshot(value: unknown): Snapshot {
  const snap: Snapshot = {};
  if (!isObject(value)) return snap;
  for (const [stored, names] of Object.entries(value)) {
    const role = Object.hasOwn(STORED_ROLE, stored) ? STORED_ROLE[stored] : undefined;
    const list = readNames(names);
    if (role !== undefined && list !== undefined) snap[role] = list;
  }
  return snap;
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * History as stored, repaired: storage.local can hold anything (an older
 * version's shape, a damaged write, another extension's tampering is not
 * possible but a disk error is). What cannot be read is dropped, never
 * passed on; the bounds are applied again.
 */
export function readHistory(stored: unknown): History {
  const history: History = {};
  if (!isObject(stored)) return history;
  const entries = Object.entries(stored).slice(-MAX_DOMAINS);
  for (const [host, entry] of entries) {
    if (host === '' || host.length > 253 || !isObject(entry) || !isTime(entry.seenAt)) continue;
    const changes = Array.isArray(entry.changes)
      ? entry.changes.flatMap((c): Change[] => {
          if (!isObject(c) || typeof c.role !== 'string' || !isTime(c.at)) return [];
          const role = Object.hasOwn(STORED_ROLE, c.role) ? STORED_ROLE[c.role] : undefined;
          const from = readNames(c.from);
          const to = readNames(c.to);
          return role === undefined || from === undefined || to === undefined ? [] : [{ role, from, to, at: c.at }];
        }).slice(-MAX_CHANGES)
      : [];
    history[host] = { current: readSnapshot(entry.current), seenAt: entry.seenAt, changes };
  }
  return history;
}
