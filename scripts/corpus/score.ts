import { classify, edgeOf } from '../../src/core/classify.js';
import type { Engine } from '../../src/core/engine.js';
import { parseObservation } from '../../src/core/parse-observation.js';
import type { Report, Role } from '../../src/core/types.js';

// Scores the classifier on the corpus of real observations (test/fixtures/observed):
// per role, how many of the companies really serving a site it names (recall), and
// how many of the catalogue companies it names really serve it (precision).

export const SCORED_ROLES = ['edge', 'hosting', 'dns', 'email'] as const;
export type ScoredRole = (typeof SCORED_ROLES)[number];

/** One company (a catalogue id, `as<N>` or `domain:<name>`), a list of them, or none (`null` or `[]`). */
type Expected = string | string[] | null;

export interface CorpusCase {
  name: string;
  source: string;
  /** When the observation was taken from its source (YYYY-MM-DD). */
  recorded: string;
  note?: string;
  observation: unknown;
  /** Per role, every company that serves the site in it; the first edge is the one the browser reached. A role left out is not scored. */
  expect: Partial<Record<ScoredRole, Expected>> & { originHidden?: boolean; blockPage?: 'challenge' | 'block' | 'error' | null };
}

export interface CaseScore {
  name: string;
  /** Expected companies not named, per role. */
  missed: Partial<Record<ScoredRole, string[]>>;
  /** Catalogue companies named that the case does not expect, per role: precision errors. */
  wrong: Partial<Record<ScoredRole, string[]>>;
  /** Companies named only by domain or ASN that the case does not list: leads, not claims. */
  extraLeads: string[];
  /** The edge the browser reached is not the one expected first. */
  wrongEdge: boolean;
  /** An edge claimed on a site that has none (a plain origin). */
  edgeOnPlainOrigin: boolean;
  fullyRight: boolean;
  report: Report;
}

export interface RoleTotals {
  expected: number;
  found: number;
  named: number;
  namedRight: number;
}

export interface CorpusScore {
  cases: CaseScore[];
  roles: Record<ScoredRole, RoleTotals>;
  /** Counts by the kind of evidence and set-up a case exercises. */
  kinds: Record<CaseKind, number>;
}

export type CaseKind = 'ns' | 'mx-or-spf' | 'layered' | 'plain-origin' | 'platform';

const list = (e: Expected | undefined): string[] => (e === undefined || e === null ? [] : typeof e === 'string' ? [e] : e);

const isListed = (engine: Engine, id: string) => engine.providers.has(id);

/** What a case exercises, derived from the case itself so no tag can be wrong. */
export function kindsOf(c: CorpusCase): CaseKind[] {
  const obs = (c.observation ?? {}) as { ns?: unknown; mx?: unknown; txt?: unknown };
  const kinds: CaseKind[] = [];
  if (obs.ns !== undefined && 'dns' in c.expect) kinds.push('ns');
  const spf = (Array.isArray(obs.txt) ? obs.txt : [obs.txt]).some((t) => typeof t === 'string' && /v=spf1/i.test(t));
  if ((obs.mx !== undefined || spf) && 'email' in c.expect) kinds.push('mx-or-spf');
  if ('edge' in c.expect) {
    const edges = list(c.expect.edge);
    const hosts = list(c.expect.hosting);
    if (edges.length === 0) kinds.push('plain-origin');
    else if (edges.length > 1 || hosts.some((h) => !edges.includes(h))) kinds.push('layered');
    else if (hosts.length > 0) kinds.push('platform');
  }
  return kinds;
}

export function scoreCase(engine: Engine, c: CorpusCase): CaseScore {
  const report = classify(engine, parseObservation(c.observation));
  const score: CaseScore = { name: c.name, missed: {}, wrong: {}, extraLeads: [], wrongEdge: false, edgeOnPlainOrigin: false, fullyRight: true, report };
  for (const role of SCORED_ROLES) {
    if (!(role in c.expect)) continue;
    const expected = list(c.expect[role]);
    const named = [...new Set(report.providers.filter((p) => p.role === (role as Role)).map((p) => p.id))];
    const missed = expected.filter((id) => !named.includes(id));
    const wrong = named.filter((id) => isListed(engine, id) && !expected.includes(id));
    score.extraLeads.push(...named.filter((id) => !isListed(engine, id) && !expected.includes(id)));
    if (missed.length > 0) score.missed[role] = missed;
    if (wrong.length > 0) score.wrong[role] = wrong;
    if (role === 'edge') {
      score.edgeOnPlainOrigin = expected.length === 0 && named.length > 0;
      score.wrongEdge = expected.length > 0 && edgeOf(report)?.id !== expected[0];
    }
  }
  if (c.expect.originHidden !== undefined && report.originHidden !== c.expect.originHidden) score.fullyRight = false;
  if (c.expect.blockPage !== undefined && (report.blockPage?.kind ?? null) !== c.expect.blockPage) score.fullyRight = false;
  score.fullyRight &&= Object.keys(score.missed).length === 0 && Object.keys(score.wrong).length === 0 && !score.wrongEdge && !score.edgeOnPlainOrigin;
  return score;
}

export function scoreCorpus(engine: Engine, cases: readonly CorpusCase[]): CorpusScore {
  const roles = Object.fromEntries(SCORED_ROLES.map((r) => [r, { expected: 0, found: 0, named: 0, namedRight: 0 }])) as Record<ScoredRole, RoleTotals>;
  const kinds: Record<CaseKind, number> = { ns: 0, 'mx-or-spf': 0, layered: 0, 'plain-origin': 0, platform: 0 };
  const scored = cases.map((c) => {
    const s = scoreCase(engine, c);
    for (const role of SCORED_ROLES) {
      if (!(role in c.expect)) continue;
      const expected = list(c.expect[role]);
      const named = new Set(s.report.providers.filter((p) => p.role === (role as Role) && isListed(engine, p.id)).map((p) => p.id));
      roles[role].expected += expected.length;
      roles[role].found += expected.length - (s.missed[role]?.length ?? 0);
      roles[role].named += named.size;
      roles[role].namedRight += named.size - (s.wrong[role]?.length ?? 0);
    }
    for (const k of kindsOf(c)) kinds[k] += 1;
    return s;
  });
  return { cases: scored, roles, kinds };
}
