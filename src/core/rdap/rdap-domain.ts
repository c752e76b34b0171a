import type { FetchLike } from '../dns/types.js';
import { rdapBaseFor, type DnsBootstrap } from './bootstrap.js';
import { withDeadline } from '../deadline.js';

/** Who registered the name for its owner, and how to reach them about abuse, as the registry says (RFC 9083). */
export interface RegistrarInfo {
  name: string;
  ianaId?: string;
  abuseEmail?: string;
  abusePhone?: string;
  /** The RDAP URL that said so. */
  source: string;
}

export type RdapStatus = 'ok' | 'not-found' | 'rate-limited' | 'no-rdap' | 'http-error' | 'timeout' | 'malformed' | 'unreachable';

export interface RdapOutcome {
  status: RdapStatus;
  registrar?: RegistrarInfo;
  /** Plain words for anything but ok. */
  error?: string;
  url?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const MEDIA_TYPE = 'application/rdap+json';
const MAX_BODY = 1 << 20;

/** A property of a jCard (RFC 7095): `["vcard", [[name, params, type, value], …]]`. */
function vcard(entity: Json, property: string): string | undefined {
  const card = entity.vcardArray;
  if (!Array.isArray(card) || !Array.isArray(card[1])) return undefined;
  for (const p of card[1] as unknown[]) {
    if (Array.isArray(p) && p[0] === property) {
      const value = p[3];
      if (typeof value === 'string') return value.replace(/^(mailto|tel):/i, '').slice(0, 200);
    }
  }
  return undefined;
}

const entities = (obj: Json): Json[] => (Array.isArray(obj.entities) ? obj.entities.filter(isObject) : []);
const hasRole = (e: Json, role: string) => Array.isArray(e.roles) && e.roles.includes(role);

/** Finds the registrar entity and its abuse contact in a domain object; undefined when the answer names none. */
export function readRegistrar(body: unknown, source: string): RegistrarInfo | undefined {
  if (!isObject(body)) return undefined;
  const registrar = entities(body).find((e) => hasRole(e, 'registrar'));
  if (registrar === undefined) return undefined;
  const name = vcard(registrar, 'fn') ?? (typeof registrar.handle === 'string' ? registrar.handle : undefined);
  if (name === undefined) return undefined;
  const info: RegistrarInfo = { name, source };
  const iana = Array.isArray(registrar.publicIds) ? registrar.publicIds.filter(isObject).find((p) => String(p.type).toLowerCase().includes('iana')) : undefined;
  if (iana !== undefined && (typeof iana.identifier === 'string' || typeof iana.identifier === 'number')) info.ianaId = String(iana.identifier);
  const abuse = entities(registrar).find((e) => hasRole(e, 'abuse'));
  if (abuse !== undefined) {
    const email = vcard(abuse, 'email');
    const phone = vcard(abuse, 'tel');
    if (email !== undefined) info.abuseEmail = email;
    if (phone !== undefined) info.abusePhone = phone;
  }
  return info;
}

/**
 * Asks the domain's registry (found by the bootstrap, or `server` when given)
 * who its registrar is. Never rejects: 404, 429 (with the wait the registry
 * asks for), registries without RDAP and network failures are outcomes.
 */
export async function rdapDomain(domain: string, opts: { bootstrap: DnsBootstrap; server?: string; fetch: FetchLike; timeoutMs: number }): Promise<RdapOutcome> {
  const base = opts.server ?? rdapBaseFor(opts.bootstrap, domain);
  if (base === undefined) return { status: 'no-rdap', error: `the .${domain.split('.').pop()} registry offers no RDAP service` };
  const url = `${base.endsWith('/') ? base : `${base}/`}domain/${encodeURIComponent(domain)}`;
  const done = await withDeadline(opts.timeoutMs, async (signal): Promise<RdapOutcome> => {
    const res = await opts.fetch(url, { method: 'GET', headers: { accept: `${MEDIA_TYPE}, application/json` }, signal });
    if (res.status === 404) return { status: 'not-found', url, error: `the registry has no record of ${domain}` };
    if (res.status === 429) {
      const wait = res.headers.get('retry-after');
      return { status: 'rate-limited', url, error: `the registry is limiting requests${wait === null ? '' : `; it asks to wait ${wait} s`}; not retried now` };
    }
    if (!res.ok) return { status: 'http-error', url, error: `the registry answered HTTP ${res.status}` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_BODY) return { status: 'malformed', url, error: 'the answer is too large' };
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { status: 'malformed', url, error: 'the answer is not JSON' };
    }
    const registrar = readRegistrar(body, url);
    return registrar === undefined ? { status: 'ok', url } : { status: 'ok', url, registrar };
  });
  if (done.ok) return done.value;
  if (done.timedOut) return { status: 'timeout', url, error: `no answer within ${opts.timeoutMs} ms` };
  return { status: 'unreachable', url, error: `the registry could not be reached (${done.error.message})` };
}
