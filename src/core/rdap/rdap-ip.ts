import type { FetchLike } from '../net/fetch-like.js';
import { rdapFetch, type RdapFailure } from './rdap-fetch.js';
import { abuseContact, entities, hasRole, text, vcard } from './jcard.js';
import { isObject } from '../is-object.js';

/**
 * Where IP queries start: ARIN's RDAP service, which answers for its own
 * addresses and redirects to the regional registry holding any other (RFC
 * 7480 referrals), so no address bootstrap needs to be shipped. Every
 * request goes to a registry.
 */
export const RIR_RDAP_START = 'https://rdap.arin.net/registry/';

/** The network an address belongs to, and whom to write to about abuse, as its regional registry says. */
export interface NetworkRecord {
  name?: string;
  handle?: string;
  range?: string;
  country?: string;
  registrant?: string;
  abuseEmail?: string;
  abusePhone?: string;
  source: string;
}

export type RdapIpOutcome = { status: 'ok'; url: string; network: NetworkRecord } | RdapFailure;

export function readNetwork(body: unknown, source: string): NetworkRecord | undefined {
  if (!isObject(body) || body.objectClassName !== 'ip network') return undefined;
  const net: NetworkRecord = { source };
  const name = text(body.name, 100);
  const handle = text(body.handle, 100);
  const start = text(body.startAddress, 45);
  const end = text(body.endAddress, 45);
  const country = text(body.country, 2);
  if (name !== undefined) net.name = name;
  if (handle !== undefined) net.handle = handle;
  if (start !== undefined && end !== undefined) net.range = `${start} – ${end}`;
  if (country !== undefined) net.country = country;
  const registrant = entities(body).find((e) => hasRole(e, 'registrant'));
  const owner = registrant === undefined ? undefined : vcard(registrant, 'fn');
  if (owner !== undefined) net.registrant = owner;
  const abuse = abuseContact(body);
  if (abuse.email !== undefined) net.abuseEmail = abuse.email;
  if (abuse.phone !== undefined) net.abusePhone = abuse.phone;
  return net;
}

/** Asks the registries about the network holding `ip` (redirects followed by fetch). Never rejects. */
export async function rdapIp(ip: string, opts: { server?: string; fetch: FetchLike; timeoutMs: number }): Promise<RdapIpOutcome> {
  const base = opts.server ?? RIR_RDAP_START;
  const fetched = await rdapFetch(`${base.endsWith('/') ? base : `${base}/`}ip/${encodeURIComponent(ip)}`, ip, opts.fetch, opts.timeoutMs);
  if (fetched.status !== 'ok') return fetched;
  let network: NetworkRecord | undefined;
  try {
    network = readNetwork(fetched.body, fetched.url);
  } catch {
    network = undefined;
  }
  return network === undefined ? { status: 'malformed', url: fetched.url, error: 'the answer is not an IP network' } : { status: 'ok', url: fetched.url, network };
}
