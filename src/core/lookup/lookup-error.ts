import type { DnsFailure } from '../dns/resolve-host.js';
import type { DnsStatus, QueryType } from '../dns/types.js';
import type { RdapFailure, RdapStatus } from '../rdap/rdap-fetch.js';
import type { ProbeError, ProbeStatus } from '../probe.js';
import type { Role } from '../types.js';

/** Which part of a lookup failed. */
export type LookupStep = 'dns' | 'http' | 'rdap-domain' | 'rdap-ip';

export type LookupStatus = Exclude<DnsStatus, 'ok'> | Exclude<RdapStatus, 'ok'> | ProbeStatus;

/**
 * Something a lookup could not find out, typed so every output can word it
 * and place it without reading English: the popup words it from `step` and
 * `status` in the person's language, the CLI prints `detail`.
 */
export interface LookupError {
  step: LookupStep;
  /** The role whose answer this failure leaves open; absent when it is the host's own addresses. */
  role?: Role;
  status: LookupStatus;
  /** What was asked: `MX example.com`, `https://example.com/`, `example.com`, `104.16.1.1`. */
  query: string;
  /** The failure in plain English, for the CLI and the copied report. */
  detail: string;
  httpStatus?: number;
  timeoutMs?: number;
  retryAfter?: string;
}

const ROLE_OF_QUERY: Partial<Record<QueryType, Role>> = { NS: 'dns', SOA: 'dns', MX: 'email', TXT: 'email' };

export function dnsError(f: DnsFailure): LookupError {
  const e: LookupError = { step: 'dns', status: f.status, query: `${f.type} ${f.name}`, detail: f.error };
  const role = ROLE_OF_QUERY[f.type];
  if (role !== undefined) e.role = role;
  if (f.httpStatus !== undefined) e.httpStatus = f.httpStatus;
  if (f.timeoutMs !== undefined) e.timeoutMs = f.timeoutMs;
  return e;
}

export function rdapError(step: 'rdap-domain' | 'rdap-ip', query: string, f: RdapFailure): LookupError {
  const e: LookupError = { step, role: step === 'rdap-domain' ? 'registrar' : 'hosting', status: f.status, query, detail: f.error };
  if (f.httpStatus !== undefined) e.httpStatus = f.httpStatus;
  if (f.timeoutMs !== undefined) e.timeoutMs = f.timeoutMs;
  if (f.retryAfter !== undefined) e.retryAfter = f.retryAfter;
  return e;
}

export function probeError(e: ProbeError): LookupError {
  return { step: 'http', role: 'edge', status: e.status, query: e.url, detail: e.detail };
}
