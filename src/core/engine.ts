import type { CompiledCatalogue, ProviderEntry } from './catalogue/types.js';
import type { Role } from './types.js';
import { RangeTable } from './ip/range-table.js';

/** A provider without its signatures: what a report and the UI need to name and contact it. */
export type ProviderInfo = Pick<ProviderEntry, 'id' | 'name' | 'homepage' | 'badge' | 'color' | 'roles' | 'abuse'>;

interface Rule {
  provider: string;
  role: Role;
  service?: string;
  confidence: number;
}

export interface HeaderRule extends Rule { header: string; match?: RegExp }
export interface CookieRule extends Rule { cookie: RegExp }
export interface DomainRule extends Rule { suffix: string }
export interface RangeRule extends Omit<Rule, 'confidence'> { list: string }

/** The compiled catalogue made ready for matching: regexes built, ranges indexed. Build once, classify many. */
export interface Engine {
  providers: ReadonlyMap<string, ProviderInfo>;
  headerRules: readonly HeaderRule[];
  cookieRules: readonly CookieRule[];
  domainRules: readonly DomainRule[];
  ranges: RangeTable<RangeRule>;
  /** Header names worth recording from a response. */
  headerNames: ReadonlySet<string>;
}

function rule<T extends { role: Role; service?: string; confidence: number }>(provider: string, sig: T): Rule {
  const r: Rule = { provider, role: sig.role, confidence: sig.confidence };
  if (sig.service !== undefined) r.service = sig.service;
  return r;
}

export function createEngine(catalogue: CompiledCatalogue): Engine {
  if (catalogue.version !== 1) throw new Error(`unsupported catalogue version ${String(catalogue.version)}`);
  const providers = new Map<string, ProviderInfo>();
  const headerRules: HeaderRule[] = [];
  const cookieRules: CookieRule[] = [];
  const domainRules: DomainRule[] = [];
  for (const p of catalogue.providers) {
    providers.set(p.id, { id: p.id, name: p.name, homepage: p.homepage, badge: p.badge, color: p.color, roles: p.roles, abuse: p.abuse });
    for (const sig of p.headers ?? []) {
      const r: HeaderRule = { ...rule(p.id, sig), header: sig.header };
      if (sig.match !== undefined) r.match = new RegExp(sig.match, 'i');
      headerRules.push(r);
    }
    for (const sig of p.cookies ?? []) cookieRules.push({ ...rule(p.id, sig), cookie: new RegExp(sig.cookie, 'i') });
    for (const sig of p.domains ?? []) domainRules.push({ ...rule(p.id, sig), suffix: sig.suffix });
  }
  const ranges = new RangeTable<RangeRule>();
  for (const list of catalogue.ranges) {
    const value: RangeRule = { provider: list.provider, role: list.role, list: list.file };
    if (list.service !== undefined) value.service = list.service;
    for (const cidr of list.cidrs) ranges.add(cidr, value);
  }
  return { providers, headerRules, cookieRules, domainRules, ranges, headerNames: new Set(catalogue.headerNames) };
}
