import type { DnsLookup } from '../../src/core/dns/resolve-host.js';
import type { LookupDeps } from '../../src/core/lookup/lookup-host.js';
import type { ProbeResult } from '../../src/core/probe.js';
import type { RdapOutcome } from '../../src/core/rdap/rdap-domain.js';
import type { RdapIpOutcome } from '../../src/core/rdap/rdap-ip.js';

/** What the fake platform answers; anything not given is a failure outcome, never an exception. */
export interface FakeWorld {
  dns?: Record<string, Partial<DnsLookup>>;
  addresses?: Record<string, string[]>;
  txt?: Record<string, string[]>;
  probe?: Record<string, ProbeResult>;
  rdapDomain?: Record<string, RdapOutcome>;
  rdapIp?: Record<string, RdapIpOutcome>;
  /** Milliseconds each kind of answer takes, to test what lands first. */
  delay?: Partial<Record<keyof LookupDeps, number>>;
}

export interface FakeDeps extends LookupDeps {
  /** Every call, in the order made: `resolve example.com`, `probe https://…`. */
  calls: string[];
}

const later = <T>(ms: number | undefined, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms ?? 0));

/** Lookup deps over a described world, with no network: the pipeline's unit tests run on these. */
export function fakeDeps(world: FakeWorld): FakeDeps {
  const calls: string[] = [];
  const call = <T>(kind: keyof LookupDeps, arg: string, value: T) => {
    calls.push(`${kind} ${arg}`);
    return later(world.delay?.[kind], value);
  };
  return {
    calls,
    resolve: (host) => call('resolve', host, { host, ips: [], cname: [], ns: [], mx: [], txt: [], errors: [], nxdomain: false, ...world.dns?.[host] }),
    addresses: (host) => call('addresses', host, world.addresses?.[host] ?? []),
    txt: (domain) => call('txt', domain, world.txt?.[domain] ?? []),
    probe: (url) => call('probe', url, world.probe?.[url] ?? { hops: [], error: { status: 'unreachable', url, detail: 'connection refused' } }),
    rdapDomain: (domain) => call('rdapDomain', domain, world.rdapDomain?.[domain] ?? { status: 'not-found', url: `https://rdap.example/domain/${domain}`, error: `the registry has no record of ${domain}` }),
    rdapIp: (ip) => call('rdapIp', ip, world.rdapIp?.[ip] ?? { status: 'not-found', url: `https://rdap.example/ip/${ip}`, error: `the registry has no record of ${ip}` }),
    prepare: () => Promise.resolve(),
  };
}
