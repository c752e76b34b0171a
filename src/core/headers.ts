import type { HeaderMap } from './types.js';

export interface RawHeader {
  name: string;
  value?: string;
}

// Bounds on what one response may make us keep: headers come from strangers'
// servers, and everything kept ends up in storage.session.
const MAX_VALUE_LENGTH = 256;
const MAX_VALUES_PER_NAME = 8;
/** All values kept of one response together: a response can repeat a header thousands of times. */
const MAX_TOTAL_LENGTH = 4096;
const MAX_COOKIE_NAMES = 32;

/** Keeps only the headers some signature reads, lower-cased and bounded. Set-Cookie is never kept: see cookieNames. */
export function pickHeaders(raw: readonly RawHeader[], wanted: ReadonlySet<string>): HeaderMap {
  const picked: HeaderMap = {};
  let total = 0;
  for (const { name, value } of raw) {
    const key = name.toLowerCase();
    if (key === 'set-cookie' || !wanted.has(key) || value === undefined) continue;
    const values = (picked[key] ??= []);
    const kept = value.slice(0, MAX_VALUE_LENGTH);
    if (values.length >= MAX_VALUES_PER_NAME || total + kept.length > MAX_TOTAL_LENGTH) continue;
    values.push(kept);
    total += kept.length;
  }
  return picked;
}

/**
 * The names of the cookies a response sets. Only names are kept: values can
 * be session secrets, and no signature needs them.
 */
export function cookieNames(raw: readonly RawHeader[]): string[] {
  const names = new Set<string>();
  for (const { name, value } of raw) {
    if (name.toLowerCase() !== 'set-cookie' || value === undefined) continue;
    // Firefox joins several Set-Cookie headers with newlines in one value.
    for (const line of value.split('\n')) {
      const eq = line.indexOf('=');
      const cookie = (eq < 0 ? '' : line.slice(0, eq)).trim();
      if (cookie !== '' && names.size < MAX_COOKIE_NAMES) names.add(cookie.slice(0, 64));
    }
  }
  return [...names];
}
