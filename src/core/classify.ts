import type { Engine } from './engine.js';
import type { Evidence, Observation, ProviderResult, Report, Role } from './types.js';
import { ROLES } from './types.js';
import { addressInfo, parseIp } from './ip/parse-ip.js';

interface Finding {
  provider: string;
  role: Role;
  service?: string;
  confidence: number;
  evidence: Evidence;
}

interface Accumulated {
  provider: string;
  role: Role;
  /** Service of the strongest finding that names one. */
  service?: string;
  serviceConfidence: number;
  /** Product of (1 - confidence) over independent findings. */
  doubt: number;
  evidence: Evidence[];
  /** Set by the two facts that only the outermost hop controls. */
  reachedByIp: boolean;
  namedByServer: boolean;
}

// Independent clues compound, but nothing observed from outside is certain.
const MAX_CONFIDENCE = 0.99;

function matchesSuffix(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

function findings(engine: Engine, obs: Observation, ip: ReturnType<typeof parseIp>): Finding[] {
  const found: Finding[] = [];
  const push = (rule: { provider: string; role: Role; service?: string }, confidence: number, evidence: Evidence) => {
    const f: Finding = { provider: rule.provider, role: rule.role, confidence, evidence };
    if (rule.service !== undefined) f.service = rule.service;
    found.push(f);
  };

  // Published ranges: the address the browser reached is the strongest fact there is.
  if (ip !== undefined && ip.special === undefined) {
    const hit = engine.ranges.lookup(ip);
    if (hit !== undefined) push(hit.value, 0.9, { kind: 'range', ip: ip.text, cidr: hit.cidr, list: hit.value.list });
  }

  const headers = obs.headers ?? {};
  for (const r of engine.headerRules) {
    const value = headers[r.header]?.find((v) => r.match === undefined || r.match.test(v));
    if (value !== undefined) push(r, r.confidence, { kind: 'header', name: r.header, value });
  }

  for (const r of engine.cookieRules) {
    const name = obs.cookieNames?.find((n) => r.cookie.test(n));
    if (name !== undefined) push(r, r.confidence, { kind: 'cookie', name });
  }

  const host = obs.host.toLowerCase().replace(/\.$/, '');
  for (const r of engine.domainRules) {
    if (matchesSuffix(host, r.suffix)) push(r, r.confidence, { kind: 'host', host, suffix: r.suffix });
  }
  return found;
}

function accumulate(found: Finding[]): Accumulated[] {
  const byKey = new Map<string, Accumulated>();
  for (const f of found) {
    const key = `${f.provider}\u0000${f.role}`;
    let acc = byKey.get(key);
    if (acc === undefined) {
      acc = { provider: f.provider, role: f.role, serviceConfidence: 0, doubt: 1, evidence: [], reachedByIp: false, namedByServer: false };
      byKey.set(key, acc);
    }
    acc.doubt *= 1 - f.confidence;
    acc.evidence.push(f.evidence);
    if (f.service !== undefined && f.confidence > acc.serviceConfidence) {
      acc.service = f.service;
      acc.serviceConfidence = f.confidence;
    }
    if (f.evidence.kind === 'range') acc.reachedByIp = true;
    // Proxies overwrite Server with their own name, so it names the outermost layer.
    if (f.evidence.kind === 'header' && f.evidence.name === 'server') acc.namedByServer = true;
  }
  return [...byKey.values()];
}

function confidenceOf(acc: Accumulated): number {
  return Math.min(MAX_CONFIDENCE, Math.round((1 - acc.doubt) * 100) / 100);
}

/** How sure we are that this layer is the one the browser talks to. */
function edgeRank(acc: Accumulated): number {
  return (acc.reachedByIp ? 4 : 0) + (acc.namedByServer ? 2 : 0) + confidenceOf(acc);
}

/**
 * Names the providers that serve one host, per role, from what was observed
 * of it. Pure and synchronous: the same observation always gives the same
 * report, in the worker, the CLI and the tests.
 */
export function classify(engine: Engine, obs: Observation): Report {
  const ip = obs.ip === undefined ? undefined : parseIp(obs.ip);
  const accs = accumulate(findings(engine, obs, ip));

  const results: ProviderResult[] = [];
  for (const role of ROLES) {
    const inRole = accs.filter((a) => a.role === role);
    // For the edge, the layer the browser reached comes first; the others sit behind it.
    inRole.sort((a, b) => (role === 'cdn' ? edgeRank(b) - edgeRank(a) : confidenceOf(b) - confidenceOf(a)) || a.provider.localeCompare(b.provider));
    const edge = role === 'cdn' ? inRole[0] : undefined;
    for (const acc of inRole) {
      const info = engine.providers.get(acc.provider);
      if (info === undefined) continue;
      const result: ProviderResult = { id: info.id, name: info.name, role, confidence: confidenceOf(acc), evidence: acc.evidence };
      if (acc.service !== undefined) result.service = acc.service;
      if (edge !== undefined && acc !== edge) result.behind = edge.provider;
      results.push(result);
    }
  }

  const report: Report = {
    host: obs.host,
    providers: results,
    originHidden: results.some((r) => r.role === 'cdn') && !results.some((r) => r.role === 'hosting'),
  };
  if (ip !== undefined) report.address = addressInfo(ip);
  return report;
}

/** The edge the browser reached, if any layer was recognised. */
export function edgeOf(report: Report): ProviderResult | undefined {
  return report.providers.find((p) => p.role === 'cdn' && p.behind === undefined);
}
