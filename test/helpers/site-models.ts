import type { Engine } from '../../src/core/engine.js';
import { lookupHost, type LookupPolicy, type LookupTarget } from '../../src/core/lookup/lookup-host.js';
import { providersFor, type LookupOrigin, type SiteModel } from '../../src/core/model/site-model.js';
import type { SeenResponse } from '../../src/core/observation-record.js';
import { registrableDomain } from '../../src/core/registrable-domain.js';
import { parseIp } from '../../src/core/ip/parse-ip.js';
import { fakeDeps, type FakeWorld } from './fake-deps.js';

/** What the browser received from a host, as the worker records it. */
export function seenResponse(host: string, ip: string | undefined, headers: Record<string, string> = {}, status = 200): SeenResponse {
  const seen: SeenResponse = { host, status, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])), cookieNames: [], fromCache: false, at: 0 };
  if (ip !== undefined) seen.ip = ip;
  return seen;
}

/** The finished popup model for a host, from a described world (no network), as the worker would build it. */
export async function siteModel(engine: Engine, host: string, world: FakeWorld = {}, policy: Partial<LookupPolicy> = {}, origin: LookupOrigin = 'tab'): Promise<SiteModel> {
  const isIp = parseIp(host) !== undefined;
  const domain = isIp ? undefined : registrableDomain(host);
  const target: LookupTarget = { host, isIp, ...(domain === undefined ? {} : { domain }) };
  const lookup = await lookupHost(engine, target, fakeDeps(world), { dns: world.dns !== undefined, rdap: world.rdapDomain !== undefined || world.rdapIp !== undefined, probe: 'never', ...policy });
  return { kind: 'site', origin, phase: 'done', ...(policy.seen === undefined ? {} : { page: 'seen' as const }), lookup, ...providersFor(engine, lookup) };
}
