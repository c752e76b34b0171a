import { providerInfo, type Engine, type Rule } from './engine.js';
import type { Evidence, Observation, ProviderResult, Report, Role } from './types.js';
import { ROLES } from './types.js';
import { addressInfo, parseIp, type ParsedIp } from './ip/parse-ip.js';
import { spfMechanisms } from './spf.js';
import { registrableDomain } from './registrable-domain.js';
import { headerValueMatches } from './header-match.js';
import { unlistedCompanyId } from './unlisted-company.js';

interface Finding {
  provider: string;
  /** Display name for networks the catalogue does not know. */
  name?: string;
  role: Role;
  service?: string;
  /** 0 adds evidence without adding confidence (a fact that explains, not one that decides). */
  confidence: number;
  evidence: Evidence;
}

interface Accumulated {
  provider: string;
  name?: string;
  role: Role;
  service?: string;
  serviceConfidence: number;
  /** Product of (1 - confidence) over independent findings. */
  doubt: number;
  evidence: Evidence[];
  /** The browser's address is in this provider's range or network: it is the layer reached. */
  reachedByIp: boolean;
  /** Proxies overwrite Server with their own name, so it names the outermost layer. */
  namedByServer: boolean;
}

// Independent clues compound, but nothing observed from outside is certain.
const MAX_CONFIDENCE = 0.99;
const RANGE_CONFIDENCE = 0.9;
const ASN_CONFIDENCE = 0.8;

const endsWith = (name: string, suffix: string) => name === suffix || name.endsWith(`.${suffix}`);

function ipFindings(engine: Engine, ip: ParsedIp, push: (f: Finding) => void): void {
  const networkIndex = engine.ip.networkIndex(ip);
  const network = engine.ip.networkAt(networkIndex);
  const asnEvidence = (): Evidence | undefined =>
    network === undefined ? undefined : { kind: 'asn', ip: ip.text, asn: network.asn, org: network.org, detail: `${ip.text} is announced by AS${network.asn} (${network.org})` };

  // A provider's own published range is more specific than the network announcing it, and wins.
  const publishedIndex = engine.ip.publishedIndex(ip);
  const range = engine.publishedAt(publishedIndex);
  if (range !== undefined) {
    const base = { provider: range.provider, role: range.role, ...(range.service === undefined ? {} : { service: range.service }) };
    const cidr = engine.ip.published.cidr(publishedIndex, ip);
    push({ ...base, confidence: RANGE_CONFIDENCE, evidence: { kind: 'range', ip: ip.text, cidr, list: range.list, detail: `${ip.text} is in ${cidr}, published by the provider (${range.list})` } });
    const asn = asnEvidence();
    if (asn !== undefined) push({ ...base, confidence: 0, evidence: asn });
    return;
  }
  const asn = asnEvidence();
  if (asn === undefined || network === undefined) return;
  const known = engine.asnRules.get(network.asn);
  if (known !== undefined) push({ ...known, confidence: ASN_CONFIDENCE, evidence: asn });
  else push({ provider: `as${network.asn}`, name: network.org, role: 'hosting', confidence: ASN_CONFIDENCE, evidence: asn });
}

function ruleFinding(rule: Rule, evidence: Evidence, confidence = rule.confidence): Finding {
  const f: Finding = { provider: rule.provider, role: rule.role, confidence, evidence };
  if (rule.service !== undefined) f.service = rule.service;
  return f;
}

function findings(engine: Engine, obs: Observation, ips: ParsedIp[]): Finding[] {
  const found: Finding[] = [];
  const push = (f: Finding) => found.push(f);

  for (const ip of ips) if (ip.special === undefined) ipFindings(engine, ip, push);

  const headers = obs.headers ?? {};
  for (const r of engine.headerRules) {
    const value = headers[r.header]?.find((v) => headerValueMatches(r.match, v));
    if (value !== undefined) push(ruleFinding(r, { kind: 'header', name: r.header, value, detail: `response header ${r.header}: ${value}` }));
  }
  for (const r of engine.cookieRules) {
    const name = obs.cookieNames?.find((n) => r.cookie.test(n));
    if (name !== undefined) push(ruleFinding(r, { kind: 'cookie', name, detail: `the response sets a cookie named ${name}` }));
  }

  const host = obs.host.toLowerCase().replace(/\.$/, '');
  const cnames = obs.cname ?? [];
  for (const r of engine.domainRules) {
    if (endsWith(host, r.suffix)) push(ruleFinding(r, { kind: 'host', host, suffix: r.suffix, detail: `the host name ${host} is under ${r.suffix}` }));
    else {
      // The deepest hop is the platform's own name; one piece of evidence per rule is enough.
      const hop = [...cnames].reverse().find((name) => endsWith(name, r.suffix));
      if (hop !== undefined) push(ruleFinding(r, { kind: 'cname', name: hop, suffix: r.suffix, detail: `CNAME chain reaches ${hop}` }));
    }
  }
  // Name-server and mail hosts: the provider's NS/MX names, or a domain it hands out (a hosting
  // company's server names) when it plays that role. Hosts no rule covers are named by their domain.
  const records = (list: readonly string[] | undefined, rules: typeof engine.nsRules, kind: 'ns' | 'mx') => {
    const role: Role = kind === 'ns' ? 'dns' : 'email';
    const covered = new Set<string>();
    for (const r of rules) {
      const name = list?.find((n) => (r.suffix !== undefined ? endsWith(n, r.suffix) : r.match!.test(n)));
      if (name === undefined) continue;
      push(ruleFinding(r, { kind, name, suffix: r.suffix ?? r.match!.source, detail: `${kind.toUpperCase()} record ${name}` }));
      for (const n of list ?? []) if (r.suffix !== undefined ? endsWith(n, r.suffix) : r.match!.test(n)) covered.add(n);
    }
    for (const r of engine.domainRules) {
      if (!engine.providers.get(r.provider)?.roles.includes(role)) continue;
      const name = list?.find((n) => endsWith(n, r.suffix));
      if (name === undefined) continue;
      push({ provider: r.provider, role, confidence: r.confidence * 0.9, evidence: { kind, name, suffix: r.suffix, detail: `${kind.toUpperCase()} record ${name}` } });
      for (const n of list ?? []) if (endsWith(n, r.suffix)) covered.add(n);
    }
    unlisted(engine, obs, (list ?? []).filter((n) => !covered.has(n)), role, kind, push);
  };
  records(obs.ns, engine.nsRules, 'ns');
  records(obs.mx, engine.mxRules, 'mx');

  // SPF includes name who may send the domain's mail: a provider's SPF domain, or its mail domain.
  const spf = spfMechanisms(obs.txt ?? [], obs.spfIncluded);
  const spfCovered = new Set<string>();
  const spfFinding = (r: Rule, m: (typeof spf)[number], confidence: number) => push(ruleFinding(r, { kind: 'txt', mechanism: m.text, detail: `SPF record allows ${m.text}${m.via === undefined ? '' : ` (through ${m.via})`}` }, confidence));
  for (const r of engine.spfRules) {
    const m = spf.find((x) => endsWith(x.domain, r.suffix));
    if (m === undefined) continue;
    spfFinding(r, m, r.confidence);
    for (const x of spf) if (endsWith(x.domain, r.suffix)) spfCovered.add(x.domain);
  }
  for (const r of engine.mxRules) {
    const m = r.suffix === undefined ? undefined : spf.find((x) => endsWith(x.domain, r.suffix!));
    if (m === undefined) continue;
    spfFinding(r, m, Math.min(r.confidence, 0.8));
    for (const x of spf) if (endsWith(x.domain, r.suffix!)) spfCovered.add(x.domain);
  }
  // Registrable domains are only needed for records no rule covers; most observations have none.
  let siteDomain: string | undefined | null = null;
  const ownDomain = () => (siteDomain === null ? (siteDomain = registrableDomain(host)) : siteDomain);
  const unlistedSenders = spf.filter((x) => !spfCovered.has(x.domain) && registrableDomain(x.domain) !== ownDomain());
  for (const [domain, mechanisms] of groupByDomain(unlistedSenders, (x) => x.domain)) {
    push({ provider: unlistedCompanyId(domain), name: domain, role: 'email', confidence: UNLISTED_CONFIDENCE, evidence: { kind: 'txt', mechanism: mechanisms[0]!.text, detail: `SPF record allows ${mechanisms.map((m) => m.text).join(' ')}, a domain not in the catalogue` } });
  }

  // A CNAME chain ending at another company's domain that no rule covers names that company, as the
  // host at low confidence, and only when nothing else names one: it never makes an edge claim.
  const last = cnames[cnames.length - 1];
  const cnameCovered = last === undefined || engine.domainRules.some((r) => cnames.some((n) => endsWith(n, r.suffix)));
  const lastDomain = cnameCovered || found.some((f) => f.role === 'hosting' || f.role === 'edge') ? undefined : registrableDomain(last);
  if (last !== undefined && lastDomain !== undefined && lastDomain !== ownDomain()) {
    push({ provider: unlistedCompanyId(lastDomain), name: lastDomain, role: 'hosting', confidence: UNLISTED_CONFIDENCE, evidence: { kind: 'cname', name: last, suffix: lastDomain, detail: `CNAME chain reaches ${last}, a domain not in the catalogue` } });
  }
  return found;
}

/** Below every catalogue signature: a company named by its domain is a lead, not a finding. */
const UNLISTED_CONFIDENCE = 0.3;

function groupByDomain<T>(items: readonly T[], name: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const domain = registrableDomain(name(item));
    if (domain !== undefined) (groups.get(domain) ?? groups.set(domain, []).get(domain)!).push(item);
  }
  return groups;
}

/**
 * Names the company behind NS or MX hosts no catalogue rule covers by the
 * registrable domain they sit under, with the records as evidence and, when
 * their addresses were looked up, the networks that hold them.
 */
function unlisted(engine: Engine, obs: Observation, hosts: readonly string[], role: Role, kind: 'ns' | 'mx', push: (f: Finding) => void): void {
  for (const [domain, names] of groupByDomain(hosts, (n) => n)) {
    const provider = unlistedCompanyId(domain);
    const records = names.slice(0, 4).join(', ');
    push({ provider, name: domain, role, confidence: UNLISTED_CONFIDENCE, evidence: { kind, name: names[0]!, suffix: domain, detail: `${kind.toUpperCase()} records ${records}, under ${domain}, which is not in the catalogue` } });
    for (const name of names) {
      for (const text of obs.addresses?.[name] ?? []) {
        const ip = parseIp(text);
        if (ip === undefined || ip.special !== undefined) continue;
        const network = engine.ip.networkAt(engine.ip.networkIndex(ip));
        if (network === undefined) continue;
        push({ provider, name: domain, role, confidence: 0, evidence: { kind: 'asn', ip: ip.text, asn: network.asn, org: network.org, host: name, detail: `${name} is at ${ip.text}, announced by AS${network.asn} (${network.org})` } });
      }
    }
  }
}

function accumulate(found: Finding[]): Accumulated[] {
  const byKey = new Map<string, Accumulated>();
  for (const f of found) {
    const key = `${f.provider}\u0000${f.role}`;
    let acc = byKey.get(key);
    if (acc === undefined) {
      acc = { provider: f.provider, role: f.role, serviceConfidence: 0, doubt: 1, evidence: [], reachedByIp: false, namedByServer: false };
      if (f.name !== undefined) acc.name = f.name;
      byKey.set(key, acc);
    }
    acc.doubt *= 1 - f.confidence;
    if (!acc.evidence.some((e) => e.detail === f.evidence.detail)) acc.evidence.push(f.evidence);
    if (f.service !== undefined && f.confidence >= acc.serviceConfidence) {
      acc.service = f.service;
      acc.serviceConfidence = f.confidence;
    }
    if (f.evidence.kind === 'range' || f.evidence.kind === 'asn') acc.reachedByIp ||= f.confidence > 0;
    if (f.evidence.kind === 'header' && f.evidence.name === 'server') acc.namedByServer = true;
  }
  return [...byKey.values()].filter((a) => a.doubt < 1);
}

const confidenceOf = (acc: Accumulated) => Math.min(MAX_CONFIDENCE, Math.round((1 - acc.doubt) * 100) / 100);

/** How sure we are that this layer is the one the browser talks to. */
const edgeRank = (acc: Accumulated) => (acc.reachedByIp ? 4 : 0) + (acc.namedByServer ? 2 : 0) + confidenceOf(acc);

const byConfidence = (a: Accumulated, b: Accumulated) => confidenceOf(b) - confidenceOf(a) || a.provider.localeCompare(b.provider);

/**
 * Names the providers that serve one host, per role, from what was observed
 * of it. Pure and synchronous: the same observation always gives the same
 * report, in the worker, the CLI and the tests.
 *
 * Layers: the edge is the layer the browser reached (an address in the
 * provider's range or network beats a Server header, which beats other
 * headers). A proxy recognised only by headers on an address that belongs to
 * an unrelated hosting network did not answer the browser: it is reported
 * behind that network. An unknown network under a recognised edge is the
 * edge's (an Akamai cache inside an ISP), not the site's host.
 */
export function classify(engine: Engine, obs: Observation): Report {
  const ips = (obs.ips ?? []).map(parseIp).filter((ip): ip is ParsedIp => ip !== undefined);
  const accs = accumulate(findings(engine, obs, ips));
  const related = (a: string, b: string) => a === b || (engine.runsOn.get(a)?.has(b) ?? false);

  const cdn = accs.filter((a) => a.role === 'edge').sort((a, b) => edgeRank(b) - edgeRank(a) || a.provider.localeCompare(b.provider));
  const reachedHosts = accs.filter((a) => a.role === 'hosting' && a.reachedByIp && engine.providers.has(a.provider));
  let edge = cdn[0];
  const behind = new Map<Accumulated, string>();
  if (edge !== undefined && !edge.reachedByIp) {
    const network = reachedHosts.find((h) => !related(edge!.provider, h.provider));
    if (network !== undefined) {
      for (const layer of cdn) behind.set(layer, network.provider);
      edge = undefined;
    }
  }
  for (const layer of cdn) if (edge !== undefined && layer !== edge) behind.set(layer, edge.provider);

  // Under an edge, an unknown network is where the edge's server sits: evidence for the edge, not a host.
  let hosting = accs.filter((a) => a.role === 'hosting');
  if (edge !== undefined) {
    const unknown = hosting.filter((h) => !engine.providers.has(h.provider));
    edge.evidence.push(...unknown.flatMap((h) => h.evidence));
    hosting = hosting.filter((h) => engine.providers.has(h.provider) && (h.provider !== edge!.provider || !h.reachedByIp || h.evidence.some((e) => e.kind !== 'asn' && e.kind !== 'range')));
  }

  // A platform that hosts what it serves is the host as well as the edge: nothing is hidden behind it.
  if (edge !== undefined && engine.providers.get(edge.provider)?.hostsWhatItServes === true && !hosting.some((h) => h.provider === edge!.provider)) {
    hosting.push({ ...edge, role: 'hosting', evidence: [...edge.evidence], namedByServer: false });
  }

  const results: ProviderResult[] = [];
  const emit = (acc: Accumulated) => {
    const info = providerInfo(engine, acc.provider, acc.name ?? acc.provider, acc.role);
    const result: ProviderResult = { id: info.id, name: info.name, role: acc.role, confidence: confidenceOf(acc), evidence: acc.evidence };
    if (acc.service !== undefined) result.service = acc.service;
    const front = behind.get(acc);
    if (front !== undefined) result.behind = front;
    results.push(result);
  };
  for (const role of ROLES) {
    if (role === 'edge') cdn.forEach(emit);
    else if (role === 'hosting') hosting.sort(byConfidence).forEach(emit);
    else accs.filter((a) => a.role === role).sort(byConfidence).forEach(emit);
  }

  const report: Report = {
    host: obs.host,
    providers: results,
    originHidden: edge !== undefined && !results.some((r) => r.role === 'hosting'),
  };
  const first = ips[0];
  if (first !== undefined) report.address = addressInfo(first);
  const blockPage = edge === undefined ? undefined : blockPageOf(engine, edge.provider, obs);
  if (blockPage !== undefined) report.blockPage = blockPage;
  return report;
}

/** Whether the response is the edge provider's own challenge, block or error page (only the layer that answered can send one). */
function blockPageOf(engine: Engine, provider: string, obs: Observation): Report['blockPage'] {
  for (const r of engine.blockPageRules) {
    if (r.provider !== provider || (r.status !== undefined && (obs.status === undefined || !r.status.includes(obs.status)))) continue;
    const value = obs.headers?.[r.header]?.find((v) => headerValueMatches(r.match, v));
    if (value === undefined) continue;
    const evidence: Evidence[] = [{ kind: 'header', name: r.header, value, detail: `response header ${r.header}: ${value}${obs.status === undefined ? '' : ` with status ${obs.status}`}` }];
    return { provider, kind: r.kind, evidence };
  }
  return undefined;
}

/** The edge the browser reached, if any layer was recognised. */
export function edgeOf(report: Report): ProviderResult | undefined {
  return report.providers.find((p) => p.role === 'edge' && p.behind === undefined);
}
