import type { Evidence, Role, SpecialAddress } from '../types.js';
import type { LookupError, LookupStatus, LookupStep } from '../lookup/lookup-error.js';
import type { CompanyRow, Certainty, WhoCanAct } from './summarise.js';

// Every sentence the popup and the copied report build from a model, worded
// through the locale's messages (`_locales/<locale>/messages.json`), never
// from English strings in the data. The keys built here are enumerated in
// WORDING_KEYS, so a test can check that every locale has each of them.

/** A locale's messages: `browser.i18n.getMessage` in the extension, the JSON files in tests and the CLI. */
export type Words = (key: string, ...substitutions: string[]) => string;

const key = (...parts: string[]) => parts.join('_').replace(/-/g, '_');

const ACT_CASES: readonly WhoCanAct['case'][] = ['block-page', 'proxy', 'layered', 'platform', 'origin', 'unknown-network', 'local-address', 'nothing'];
const BLOCK_KINDS = ['challenge', 'block', 'error'] as const;
const EVIDENCE_KINDS: readonly Evidence['kind'][] = ['header', 'cookie', 'range', 'asn', 'host', 'cname', 'ns', 'mx', 'txt', 'rdap'];
const CERTAINTIES: readonly Certainty[] = ['fact', 'high', 'medium', 'low'];
const ROLE_NAMES: readonly Role[] = ['edge', 'hosting', 'dns', 'email', 'registrar'];
const SPECIAL: readonly SpecialAddress[] = ['private', 'loopback', 'link-local', 'cgnat', 'unspecified', 'multicast', 'reserved', 'unique-local', 'documentation'];
const ERRORS: Record<LookupStep, readonly LookupStatus[]> = {
  dns: ['nxdomain', 'servfail', 'refused', 'timeout', 'http-error', 'malformed', 'truncated', 'unreachable'],
  http: ['unreachable', 'timeout', 'private-address', 'not-web', 'too-many-redirects'],
  'rdap-domain': ['not-found', 'rate-limited', 'no-rdap', 'http-error', 'timeout', 'malformed', 'unreachable'],
  'rdap-ip': ['not-found', 'rate-limited', 'no-rdap', 'http-error', 'timeout', 'malformed', 'unreachable'],
};

/** Every message key the functions below can ask for. */
export const WORDING_KEYS: readonly string[] = [
  ...ACT_CASES.filter((c) => c !== 'block-page').map((c) => key('act', c)),
  ...BLOCK_KINDS.map((k) => key('act_block_page', k)),
  ...EVIDENCE_KINDS.map((k) => key('evidence', k)),
  'evidence_asn_host',
  ...CERTAINTIES.map((c) => key('certainty', c)),
  ...ROLE_NAMES.map((r) => key('role', r)),
  ...SPECIAL.map((s) => key('addressKind', s)),
  ...Object.entries(ERRORS).flatMap(([step, statuses]) => statuses.map((s) => key('error', step, s))),
  'missingSite',
  'missingNetwork',
  'step_dns',
];

export function roleName(words: Words, role: Role): string {
  return words(key('role', role));
}

export function certaintyText(words: Words, certainty: Certainty): string {
  return words(key('certainty', certainty));
}

export function addressKindText(words: Words, kind: SpecialAddress): string {
  return words(key('addressKind', kind));
}

/** The company's name, and for a network the catalogue does not know, its number (`Example Hosting Ltd (AS64500)`). */
export function companyLabel(row: CompanyRow): string {
  const asn = row.unlisted === 'network' ? row.roles.flatMap((r) => r.evidence).find((e) => e.kind === 'asn') : undefined;
  return asn === undefined ? row.name : `${row.name} (AS${asn.asn})`;
}

/**
 * The company as the answer names it: with the service it plays here
 * (`Amazon Web Services (CloudFront)`), or for a hosting network its number
 * (`Hetzner (AS24940)`), which is how registries and abuse desks know it.
 */
function actorLabel(row: CompanyRow, role: Role): string {
  const claim = row.roles.find((r) => r.role === role);
  if (claim?.service !== undefined && !claim.service.toLowerCase().includes(row.name.toLowerCase())) return `${row.name} (${claim.service})`;
  const asn = role === 'hosting' ? claim?.evidence.find((e) => e.kind === 'asn') : undefined;
  return asn === undefined ? row.name : `${row.name} (AS${asn.asn})`;
}

/** The sentence that answers "who can act on this site". */
export function whoCanActText(words: Words, act: WhoCanAct, rows: readonly CompanyRow[]): string {
  const label = (id: string, role: Role) => {
    const row = rows.find((r) => r.id === id);
    return row === undefined ? id : actorLabel(row, role);
  };
  switch (act.case) {
    case 'block-page':
      return words(key('act_block_page', act.kind), rows.find((r) => r.id === act.company)?.name ?? act.company);
    case 'layered':
      return words('act_layered', label(act.company, 'hosting'), label(act.edge, 'edge'));
    case 'proxy':
      return words('act_proxy', label(act.company, 'edge'));
    case 'platform':
      return words('act_platform', label(act.company, 'edge'));
    case 'origin':
    case 'unknown-network':
      return words(key('act', act.case), label(act.company, 'hosting'));
    case 'local-address':
      return words('act_local_address', act.address, addressKindText(words, act.kind));
    case 'nothing':
      return words('act_nothing');
  }
}

/** One piece of evidence in words. */
export function evidenceText(words: Words, e: Evidence): string {
  switch (e.kind) {
    case 'header':
      return words('evidence_header', e.name, e.value);
    case 'cookie':
      return words('evidence_cookie', e.name);
    case 'range':
      return words('evidence_range', e.ip, e.cidr, e.list);
    case 'asn':
      return e.host === undefined ? words('evidence_asn', e.ip, String(e.asn), e.org) : words('evidence_asn_host', e.host, e.ip, String(e.asn), e.org);
    case 'host':
      return words('evidence_host', e.suffix);
    case 'cname':
      return words('evidence_cname', e.name);
    case 'ns':
      return words('evidence_ns', e.name);
    case 'mx':
      return words('evidence_mx', e.name);
    case 'txt':
      return words('evidence_txt', e.mechanism);
    case 'rdap':
      return words('evidence_rdap', e.url);
  }
}

/** Why something could not be found out, from its step and status, with the numbers it carries. */
export function errorText(words: Words, e: LookupError): string {
  const extra = e.httpStatus !== undefined ? String(e.httpStatus) : e.timeoutMs !== undefined ? String(e.timeoutMs) : (e.retryAfter ?? '');
  return words(key('error', e.step, e.status), e.query, extra);
}

/** What a failure leaves unknown, as a label before it: the site, the network, DNS, or the role a query was for. */
export function errorSubject(words: Words, e: LookupError): string {
  if (e.step === 'http') return words('missingSite');
  if (e.step === 'rdap-ip') return words('missingNetwork');
  return e.role === undefined ? words('step_dns') : roleName(words, e.role);
}

/** Each failure once: a lookup can meet the same one through two paths. */
export function distinctErrors(errors: readonly LookupError[]): LookupError[] {
  return errors.filter((e, i) => errors.findIndex((x) => x.step === e.step && x.query === e.query) === i);
}

/** A locale's messages.json as Words, substituting $1…$9 as chrome.i18n does (the CLI and tests use it). */
export function wordsFrom(messages: Readonly<Record<string, { message: string }>>): Words {
  return (key, ...subs) => {
    const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (entry === undefined) throw new Error(`no message "${key}"`);
    return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
