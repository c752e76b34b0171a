import { dohQuery, type DohOptions } from './doh-query.js';
import type { DnsOutcome, QueryType } from './types.js';
import { setNewest } from '../set-newest.js';

export interface ResolverOptions extends DohOptions {
  /** Milliseconds since the epoch; injected so tests control time. */
  now?: () => number;
  maxEntries?: number;
}

export interface Resolver {
  query(name: string, type: QueryType): Promise<DnsOutcome>;
}

// Longest a record is kept whatever its TTL says, and how many are kept.
const MAX_TTL_SECONDS = 86_400;
const DEFAULT_MAX_ENTRIES = 1000;

/**
 * A DoH resolver with a TTL-respecting, bounded LRU cache and in-flight
 * de-duplication: the same question asked twice at once is sent once.
 * Failures (timeouts, SERVFAIL, HTTP errors) are not cached, so the next
 * lookup tries again.
 */
export function createResolver(options: ResolverOptions): Resolver {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const cache = new Map<string, { outcome: DnsOutcome; expires: number }>();
  const inFlight = new Map<string, Promise<DnsOutcome>>();

  const remember = (key: string, outcome: DnsOutcome) => {
    if ((outcome.status !== 'ok' && outcome.status !== 'nxdomain') || outcome.ttl <= 0) return;
    setNewest(cache, key, { outcome, expires: now() + Math.min(outcome.ttl, MAX_TTL_SECONDS) * 1000 }, maxEntries);
  };

  return {
    query(name, type) {
      const key = `${type} ${name.toLowerCase().replace(/\.$/, '')}`;
      const hit = cache.get(key);
      if (hit !== undefined) {
        cache.delete(key);
        if (hit.expires > now()) {
          cache.set(key, hit);
          return Promise.resolve(hit.outcome);
        }
      }
      let pending = inFlight.get(key);
      if (pending === undefined) {
        pending = dohQuery(name, type, options).then((outcome) => {
          inFlight.delete(key);
          remember(key, outcome);
          return outcome;
        });
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
