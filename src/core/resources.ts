import { getDomain } from 'tldts';
import type { Engine } from './engine.js';
import { classify, edgeOf } from './classify.js';
import type { SeenResponse } from './observation-record.js';

/** One host a page loaded resources from, as the worker recorded it. */
export interface ResourceInput {
  host: string;
  count: number;
  ip?: string;
  /** What the browser saw of that host's responses, when it was kept. */
  seen?: SeenResponse;
}

export interface ResourceGroup {
  /** The company serving these hosts (their edge, or else their hosting network); undefined when none was recognised. */
  provider?: { id: string; name: string; role: 'edge' | 'hosting' };
  hosts: { host: string; count: number; firstParty: boolean }[];
  requests: number;
}

const MAX_GROUPS = 30;

/** The address a resource host is classified by (what engine.prepare() needs first): from its kept response, else the tab's record. */
export function resourceAddress(r: ResourceInput): string | undefined {
  return r.seen?.ip ?? r.ip;
}

/**
 * Groups the hosts a page loaded from by the company that serves them, the
 * biggest groups first, first-party hosts (same registrable domain as the
 * page) marked.
 */
export function groupResources(engine: Engine, pageDomain: string | undefined, inputs: readonly ResourceInput[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const r of inputs) {
    const seen = r.seen;
    const ip = resourceAddress(r);
    const report = classify(engine, { host: r.host, ...(ip === undefined ? {} : { ips: [ip] }), ...(seen === undefined ? {} : { headers: seen.headers, cookieNames: seen.cookieNames }) });
    const edge = edgeOf(report);
    const host = report.providers.find((p) => p.role === 'hosting');
    const by = edge ?? host;
    const key = by === undefined ? '' : by.id;
    let group = groups.get(key);
    if (group === undefined) {
      group = { hosts: [], requests: 0 };
      if (by !== undefined) group.provider = { id: by.id, name: by.name, role: by.role === 'edge' ? 'edge' : 'hosting' };
      groups.set(key, group);
    }
    const domain = getDomain(r.host, { allowPrivateDomains: false });
    group.hosts.push({ host: r.host, count: r.count, firstParty: pageDomain !== undefined && domain === pageDomain });
    group.requests += r.count;
  }
  const sorted = [...groups.values()].sort((a, b) => (a.provider === undefined ? 1 : 0) - (b.provider === undefined ? 1 : 0) || b.requests - a.requests);
  for (const g of sorted) g.hosts.sort((a, b) => b.count - a.count || a.host.localeCompare(b.host));
  return sorted.slice(0, MAX_GROUPS);
}
