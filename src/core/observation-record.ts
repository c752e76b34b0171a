import type { HeaderMap } from './types.js';
import { cookieNames, pickHeaders, type RawHeader } from './headers.js';
import { parseIp } from './ip/parse-ip.js';
import { pageTarget } from './page-target.js';

/** What the browser saw of one response from a host: the stored form of an Observation. */
export interface SeenResponse {
  host: string;
  ip?: string;
  status: number;
  headers: HeaderMap;
  cookieNames: string[];
  /** Served from the browser's cache: the address, if any, is from an earlier connection. */
  fromCache: boolean;
  /** Milliseconds since the epoch. */
  at: number;
}

/** The parts of a webRequest response event the recorder reads (Chrome and Firefox agree on these). */
export interface ResponseDetails {
  url: string;
  ip?: string;
  statusCode: number;
  fromCache: boolean;
  responseHeaders?: RawHeader[];
}

/** Turns a response event into what is kept of it; undefined for non-web URLs. */
export function seenFromResponse(details: ResponseDetails, headerNames: ReadonlySet<string>, now: number): SeenResponse | undefined {
  const target = pageTarget(details.url);
  if (target.kind !== 'site') return undefined;
  const raw = details.responseHeaders ?? [];
  const seen: SeenResponse = {
    host: target.host,
    status: details.statusCode,
    headers: pickHeaders(raw, headerNames),
    cookieNames: cookieNames(raw),
    fromCache: details.fromCache,
    at: now,
  };
  const ip = details.ip === undefined ? undefined : parseIp(details.ip);
  if (ip !== undefined) seen.ip = ip.text;
  return seen;
}
