import type { CatalogueFile, ProviderEntry } from './catalogue/types.js';
import type { Role } from './types.js';
import type { IpTables } from './ip/ip-tables.js';
import { parseIp, type ParsedIp } from './ip/parse-ip.js';
import { UNLISTED_DOMAIN_NOTE, UNLISTED_NETWORK_NOTE } from './unlisted-notes.js';
import { isUnlistedNetwork } from './unlisted-company.js';

/** A provider without its signatures: what a report and the UI need to name and contact it. */
export type ProviderInfo = Pick<ProviderEntry, 'id' | 'name' | 'homepage' | 'badge' | 'color' | 'roles' | 'abuse' | 'hostsWhatItServes'>;

export interface Rule {
  provider: string;
  role: Role;
  service?: string;
  confidence: number;
}

export interface HeaderRule extends Rule { header: string; match?: RegExp }
export interface CookieRule extends Rule { cookie: RegExp }
export interface SuffixRule extends Rule { suffix: string }
/** A suffix, or a pattern for names no suffix describes. */
export interface RecordRule extends Rule { suffix?: string; match?: RegExp }
export interface BlockPageRule { provider: string; kind: 'challenge' | 'block' | 'error'; status?: readonly number[]; header: string; match?: RegExp }
/** A published range's list: the range itself is found from the address (IpTables.published.cidr). */
export interface PublishedRange extends Omit<Rule, 'confidence'> { list: string }

/**
 * The compiled catalogue made ready for matching: regexes built, tables
 * indexed. Build once, classify many. `T` is the kind of IP data: whole tables
 * (the CLI) or shards loaded on demand (the worker).
 */
export interface Engine<T extends IpTables = IpTables> {
  providers: ReadonlyMap<string, ProviderInfo>;
  headerRules: readonly HeaderRule[];
  cookieRules: readonly CookieRule[];
  /** Host and CNAME suffixes. */
  domainRules: readonly SuffixRule[];
  nsRules: readonly RecordRule[];
  mxRules: readonly RecordRule[];
  /** SPF `include:`/`redirect=` domains. */
  spfRules: readonly SuffixRule[];
  asnRules: ReadonlyMap<number, Omit<Rule, 'confidence'>>;
  blockPageRules: readonly BlockPageRule[];
  /** For each provider, the providers whose networks it may run in (both directions). */
  runsOn: ReadonlyMap<string, ReadonlySet<string>>;
  ip: T;
  /** The published range with this 1-based index from the IP table. */
  publishedAt(index: number): PublishedRange | undefined;
  /**
   * Loads what classifying these addresses needs (the network shards that hold
   * them); classify straight after. Text that is not an address, and private or
   * reserved addresses, need nothing. Rejects when a shard cannot be read.
   */
  prepare(ips: readonly string[]): Promise<void>;
  /** Header names worth recording from a response. */
  headerNames: ReadonlySet<string>;
  /** IANA registrar id → the catalogue provider that is that registrar. */
  registrarsByIana: ReadonlyMap<string, string>;
  /** Makes the IP tables ready for these addresses before classifying them. */
  prepare(ips: readonly string[]): Promise<void>;
}

function rule(provider: string, role: Role, sig: { service?: string; confidence: number }): Rule {
  const r: Rule = { provider, role, confidence: sig.confidence };
  if (sig.service !== undefined) r.service = sig.service;
  return r;
}

export function createEngine<T extends IpTables>(catalogue: CatalogueFile, ip: T): Engine<T> {
  if (catalogue.version !== 1) throw new Error(`unsupported catalogue version ${String(catalogue.version)}`);
  const published = catalogue.ranges.reduce((n, list) => n + list.count, 0);
  if (ip.published.count !== published) throw new Error(`published.bin was built for ${ip.published.count} published ranges, the catalogue has ${published}: rebuild`);

  const providers = new Map<string, ProviderInfo>();
  const headerRules: HeaderRule[] = [];
  const cookieRules: CookieRule[] = [];
  const domainRules: SuffixRule[] = [];
  const nsRules: RecordRule[] = [];
  const mxRules: RecordRule[] = [];
  const recordRule = (provider: string, role: Role, sig: { suffix?: string; match?: string; service?: string; confidence: number }): RecordRule => {
    const r: RecordRule = rule(provider, role, sig);
    if (sig.suffix !== undefined) r.suffix = sig.suffix;
    if (sig.match !== undefined) r.match = new RegExp(sig.match, 'i');
    return r;
  };
  const spfRules: SuffixRule[] = [];
  const asnRules = new Map<number, Omit<Rule, 'confidence'>>();
  const blockPageRules: BlockPageRule[] = [];
  const runsOn = new Map<string, Set<string>>();
  const registrarsByIana = new Map<string, string>();
  const relate = (a: string, b: string) => (runsOn.get(a) ?? runsOn.set(a, new Set()).get(a)!).add(b);

  for (const p of catalogue.providers) {
    const info: ProviderInfo = { id: p.id, name: p.name, homepage: p.homepage, badge: p.badge, color: p.color, roles: p.roles, abuse: p.abuse };
    if (p.hostsWhatItServes === true) info.hostsWhatItServes = true;
    providers.set(p.id, info);
    for (const sig of p.headers ?? []) {
      const r: HeaderRule = { ...rule(p.id, sig.role, sig), header: sig.header };
      if (sig.match !== undefined) r.match = new RegExp(sig.match, 'i');
      headerRules.push(r);
    }
    for (const sig of p.cookies ?? []) cookieRules.push({ ...rule(p.id, sig.role, sig), cookie: new RegExp(sig.cookie, 'i') });
    for (const sig of p.domains ?? []) domainRules.push({ ...rule(p.id, sig.role, sig), suffix: sig.suffix });
    for (const sig of p.ns ?? []) nsRules.push(recordRule(p.id, 'dns', sig));
    for (const sig of p.mx ?? []) mxRules.push(recordRule(p.id, 'email', sig));
    for (const sig of p.spf ?? []) spfRules.push({ ...rule(p.id, 'email', sig), suffix: sig.include });
    for (const sig of p.asns ?? []) {
      const r: Omit<Rule, 'confidence'> = { provider: p.id, role: sig.role };
      if (sig.service !== undefined) r.service = sig.service;
      asnRules.set(sig.asn, r);
    }
    for (const sig of p.blockPages ?? []) {
      const r: BlockPageRule = { provider: p.id, kind: sig.kind, header: sig.header };
      if (sig.status !== undefined) r.status = sig.status;
      if (sig.match !== undefined) r.match = new RegExp(sig.match, 'i');
      blockPageRules.push(r);
    }
    for (const iana of p.ianaRegistrarIds ?? []) registrarsByIana.set(String(iana), p.id);
    for (const other of p.runsOn ?? []) {
      relate(p.id, other);
      relate(other, p.id);
    }
  }

  // Published range i (1-based, catalogue order) lives in the list whose span holds it.
  const listEnds: number[] = [];
  for (const list of catalogue.ranges) listEnds.push((listEnds[listEnds.length - 1] ?? 0) + list.count);
  const publishedAt = (index: number): PublishedRange | undefined => {
    if (index < 1 || index > published) return undefined;
    let lo = 0;
    let hi = listEnds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (listEnds[mid]! >= index) hi = mid;
      else lo = mid + 1;
    }
    const list = catalogue.ranges[lo]!;
    const range: PublishedRange = { provider: list.provider, role: list.role, list: list.file };
    if (list.service !== undefined) range.service = list.service;
    return range;
  };

  const prepare = (ips: readonly string[]) => ip.prepare(ips.map(parseIp).filter((a): a is ParsedIp => a !== undefined && a.special === undefined));

  return { providers, headerRules, cookieRules, domainRules, nsRules, mxRules, spfRules, asnRules, blockPageRules, runsOn, ip, publishedAt, prepare, headerNames: new Set(catalogue.headerNames), registrarsByIana };
}

/**
 * Catalogue details for a provider id, or a plain entry for a company the
 * catalogue does not know: a network (`as<N>`) or a domain (`domain:<name>`).
 */
export function providerInfo(engine: Engine, id: string, name: string, role: Role = 'hosting'): ProviderInfo {
  const known = engine.providers.get(id);
  if (known !== undefined) return known;
  const network = isUnlistedNetwork(id);
  return { id, name, homepage: '', badge: network ? 'AS' : '?', color: '#6e7781', roles: [role], abuse: { note: network ? UNLISTED_NETWORK_NOTE : UNLISTED_DOMAIN_NOTE } };
}
