import type { Engine } from '../engine.js';
import { classify, edgeOf } from '../classify.js';
import type { SeenResponse } from '../observation-record.js';
import { registrableDomain } from '../registrable-domain.js';

/** One host a page loaded resources from, as the worker recorded it. */
export interface ResourceInput {
  host: string;
  count: number;
  ip?: string;
  /** What the browser saw of that host's responses, when it was kept. */
  seen?: SeenResponse;
}

/** A host the page loaded from, and the company serving it in the role it plays there. */
export interface ResourceHost {
  host: string;
  count: number;
  ip?: string;
  /** Same registrable domain as the page. */
  firstParty: boolean;
  /** The edge it came through, or else the network hosting it; absent when none was recognised. */
  company?: { id: string; name: string; role: 'edge' | 'hosting' };
}

/**
 * Names who serves each host a page loaded from: the edge the browser
 * reached, or else the hosting network. A cloud's plain servers and the same
 * cloud's CDN are different roles, so they are told apart. Busiest first.
 */
export function describeResources(engine: Engine, pageDomain: string | undefined, inputs: readonly ResourceInput[]): ResourceHost[] {
  const hosts = inputs.map((r): ResourceHost => {
    const ip = r.seen?.ip ?? r.ip;
    const report = classify(engine, { host: r.host, ...(ip === undefined ? {} : { ips: [ip] }), ...(r.seen === undefined ? {} : { headers: r.seen.headers, cookieNames: r.seen.cookieNames }) });
    const by = edgeOf(report) ?? report.providers.find((p) => p.role === 'hosting');
    const out: ResourceHost = { host: r.host, count: r.count, firstParty: pageDomain !== undefined && registrableDomain(r.host) === pageDomain };
    if (ip !== undefined) out.ip = ip;
    if (by !== undefined) out.company = { id: by.id, name: by.name, role: by.role === 'edge' ? 'edge' : 'hosting' };
    return out;
  });
  return hosts.sort((a, b) => b.count - a.count || a.host.localeCompare(b.host));
}
