import type { FetchLike } from '../dns/types.js';
import { rdapBaseFor, type DnsBootstrap } from './bootstrap.js';
import { rdapFetch, type RdapStatus } from './rdap-fetch.js';
import { abuseContact, entities, hasRole, vcard } from './jcard.js';
import { isObject } from '../is-object.js';

export type { RdapStatus } from './rdap-fetch.js';

/** Who registered the name for its owner, and how to reach them about abuse, as the registry says (RFC 9083). */
export interface RegistrarInfo {
  name: string;
  ianaId?: string;
  abuseEmail?: string;
  abusePhone?: string;
  /** The RDAP URL that said so. */
  source: string;
}

export interface RdapOutcome {
  status: RdapStatus;
  registrar?: RegistrarInfo;
  /** Plain words for anything but ok. */
  error?: string;
  url?: string;
}

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
  const abuse = abuseContact(registrar);
  if (abuse.email !== undefined) info.abuseEmail = abuse.email;
  if (abuse.phone !== undefined) info.abusePhone = abuse.phone;
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
  const fetched = await rdapFetch(`${base.endsWith('/') ? base : `${base}/`}domain/${encodeURIComponent(domain)}`, domain, opts.fetch, opts.timeoutMs);
  if (fetched.status !== 'ok') return { status: fetched.status, url: fetched.url, error: fetched.error };
  const registrar = readRegistrar(fetched.body, fetched.url);
  return registrar === undefined ? { status: 'ok', url: fetched.url } : { status: 'ok', url: fetched.url, registrar };
}
