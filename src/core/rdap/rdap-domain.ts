import type { FetchLike } from '../net/fetch-like.js';
import { rdapBaseFor, type DnsBootstrap } from './bootstrap.js';
import { rdapFetch, type RdapFailure } from './rdap-fetch.js';
import { abuseContact, entities, hasRole, text, vcard } from './jcard.js';
import { isObject } from '../is-object.js';

export type { RdapStatus, RdapFailure } from './rdap-fetch.js';

/** Who registered the name for its owner, and how to reach them about abuse, as the registry says (RFC 9083). */
export interface RegistrarInfo {
  name: string;
  ianaId?: string;
  abuseEmail?: string;
  abusePhone?: string;
  /** The RDAP URL that said so. */
  source: string;
}

export type RdapOutcome = { status: 'ok'; url: string; registrar?: RegistrarInfo } | RdapFailure;

/** Finds the registrar entity and its abuse contact in a domain object; undefined when the answer names none. */
export function readRegistrar(body: unknown, source: string): RegistrarInfo | undefined {
  if (!isObject(body)) return undefined;
  const registrar = entities(body).find((e) => hasRole(e, 'registrar'));
  if (registrar === undefined) return undefined;
  const name = vcard(registrar, 'fn') ?? text(registrar.handle, 100);
  if (name === undefined) return undefined;
  const info: RegistrarInfo = { name, source };
  // publicIds come from a stranger's JSON: only plain strings and numbers are read, never coerced objects.
  const ids = Array.isArray(registrar.publicIds) ? registrar.publicIds.slice(0, 20).filter(isObject) : [];
  const iana = ids.find((p) => typeof p.type === 'string' && p.type.toLowerCase().includes('iana'));
  const id = iana?.identifier;
  if ((typeof id === 'string' && /^\d{1,10}$/.test(id)) || (typeof id === 'number' && Number.isInteger(id) && id > 0)) info.ianaId = String(id);
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
  if (base === undefined) return { status: 'no-rdap', url: '', error: `the .${domain.split('.').pop()} registry offers no RDAP service` };
  const fetched = await rdapFetch(`${base.endsWith('/') ? base : `${base}/`}domain/${encodeURIComponent(domain)}`, domain, opts.fetch, opts.timeoutMs);
  if (fetched.status !== 'ok') return fetched;
  let registrar: RegistrarInfo | undefined;
  try {
    registrar = readRegistrar(fetched.body, fetched.url);
  } catch {
    return { status: 'malformed', url: fetched.url, error: 'the answer is not a domain record' };
  }
  return registrar === undefined ? { status: 'ok', url: fetched.url } : { status: 'ok', url: fetched.url, registrar };
}
