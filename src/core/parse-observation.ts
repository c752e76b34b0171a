import type { HeaderMap, Observation } from './types.js';
import { cookieNames } from './headers.js';
import { normaliseHost } from './page-target.js';

// Reads an observation written by a person or another tool (the CLI's input,
// test fixtures): `{host, ips?, headers?, cname?, ns?, mx?, txt?}`, header
// names in any case, values a string or a list. Every problem is reported with
// the field it is in, because the CLI must say what is wrong, not throw.

export class ObservationError extends Error {}

type Json = Record<string, unknown>;

const LIST_FIELDS = ['ips', 'cname', 'ns', 'mx', 'txt'] as const;
const KNOWN = new Set(['host', 'headers', 'status', 'addresses', 'spfIncluded', ...LIST_FIELDS]);
const MAX_LIST = 256;

function stringList(value: unknown, field: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length > MAX_LIST || !list.every((v) => typeof v === 'string')) {
    throw new ObservationError(`"${field}" must be a string or a list of at most ${MAX_LIST} strings`);
  }
  return list as string[];
}

function readHeaders(value: unknown): { headers: HeaderMap; cookies: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ObservationError('"headers" must be an object of header names to values');
  const headers: HeaderMap = {};
  const raw: { name: string; value: string }[] = [];
  for (const [name, v] of Object.entries(value)) {
    const key = name.toLowerCase();
    const values = stringList(v, `headers.${name}`);
    if (key === 'set-cookie') raw.push(...values.map((c) => ({ name: key, value: c })));
    else (headers[key] ??= []).push(...values);
  }
  return { headers, cookies: cookieNames(raw) };
}

const dnsName = (name: string) => normaliseHost(name.trim());

/** `{"ns1.example.net": ["192.0.2.1"]}`: records of other hosts (NS and MX addresses, included SPF records). */
function readHostLists(value: unknown, field: string, each: (item: string) => string): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ObservationError(`"${field}" must be an object of host names to lists`);
  const entries = Object.entries(value);
  if (entries.length > MAX_LIST) throw new ObservationError(`"${field}" may name at most ${MAX_LIST} hosts`);
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [host, list] of entries) out[dnsName(host)] = stringList(list, `${field}.${host}`).map(each);
  return out;
}

/** Parses one observation; throws ObservationError naming the offending field. */
export function parseObservation(input: unknown): Observation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ObservationError('an observation must be a JSON object');
  const obj = input as Json;
  const unknown = Object.keys(obj).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) throw new ObservationError(`unknown field "${unknown[0]}" (expected host, ips, headers, status, cname, ns, mx, txt, addresses, spfIncluded)`);
  if (typeof obj.host !== 'string' || obj.host.trim() === '' || obj.host.length > 253) throw new ObservationError('"host" must be a non-empty host name');
  const obs: Observation = { host: dnsName(obj.host) };
  if (obj.ips !== undefined) obs.ips = stringList(obj.ips, 'ips').map((ip) => ip.trim());
  if (obj.status !== undefined) {
    if (!Number.isInteger(obj.status) || (obj.status as number) < 100 || (obj.status as number) > 999) throw new ObservationError('"status" must be an HTTP status code');
    obs.status = obj.status as number;
  }
  if (obj.headers !== undefined) {
    const { headers, cookies } = readHeaders(obj.headers);
    obs.headers = headers;
    if (cookies.length > 0) obs.cookieNames = cookies;
  }
  if (obj.cname !== undefined) obs.cname = stringList(obj.cname, 'cname').map(dnsName);
  if (obj.ns !== undefined) obs.ns = stringList(obj.ns, 'ns').map(dnsName);
  if (obj.mx !== undefined) obs.mx = stringList(obj.mx, 'mx').map((mx) => dnsName(mx.replace(/^\d+\s+/, '')));
  if (obj.txt !== undefined) obs.txt = stringList(obj.txt, 'txt');
  if (obj.addresses !== undefined) obs.addresses = readHostLists(obj.addresses, 'addresses', (ip) => ip.trim());
  if (obj.spfIncluded !== undefined) obs.spfIncluded = readHostLists(obj.spfIncluded, 'spfIncluded', (txt) => txt);
  return obs;
}
