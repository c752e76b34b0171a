import type { Engine } from '../core/engine.js';
import { classify } from '../core/classify.js';
import { lookupTarget } from '../core/page-target.js';
import { createResolver } from '../core/dns/resolver.js';
import { resolveHost, type DnsLookup } from '../core/dns/resolve-host.js';
import type { FetchLike } from '../core/dns/types.js';
import type { Report } from '../core/types.js';
import { formatReport } from './format-report.js';
import { UsageError } from './usage.js';

export interface LookupReport extends Report {
  dns: Omit<DnsLookup, 'errors' | 'nxdomain' | 'host'>;
  errors: DnsLookup['errors'];
}

/** Looks a host up over DNS-over-HTTPS and classifies what it finds. Exit status 1 when nothing at all could be resolved. */
export async function lookupCommand(engine: Engine, input: string, options: { resolver: string; timeoutMs: number; json: boolean; fetch: FetchLike }): Promise<{ output: string; code: number }> {
  const target = lookupTarget(input);
  if (target === undefined) throw new UsageError(`not a host, URL or IP address: ${JSON.stringify(input.slice(0, 100))}`);
  const dns = await resolveHost(createResolver({ resolver: options.resolver, fetch: options.fetch, timeoutMs: options.timeoutMs }), target.host);
  const report = classify(engine, { host: target.host, ips: dns.ips, cname: dns.cname, ns: dns.ns, mx: dns.mx, txt: dns.txt });
  const { errors, nxdomain: _n, host: _h, ...records } = dns;
  const result: LookupReport = { ...report, dns: records, errors };
  const resolvedNothing = [dns.ips, dns.cname, dns.ns, dns.mx, dns.txt].every((list) => list.length === 0);
  const code = resolvedNothing ? 1 : 0;
  if (options.json) return { output: `${JSON.stringify(result, null, 2)}\n`, code };
  const lines = [formatReport(report).trimEnd()];
  if (dns.cname.length > 0) lines.push(`  cname      ${[target.host, ...dns.cname].join(' → ')}`);
  for (const e of errors) lines.push(`  missing    ${e.query}: ${e.error}`);
  return { output: `${lines.join('\n')}\n`, code };
}
