import type { Engine } from './engine.js';
import type { ParsedIp } from './ip/parse-ip.js';
import type { SpecialAddress } from './types.js';

/** What `whoserves ip` says about one address: its network, and the provider it belongs to, if known. */
export interface IpAnswer {
  ip: string;
  asn: number | null;
  org: string | null;
  provider: { id: string; name: string; service?: string } | null;
  reserved?: SpecialAddress;
}

/**
 * The provider for an address: a published range decides first (CloudFront
 * rather than the rest of AWS), then the network's owner from the catalogue.
 */
export function providerForIp(engine: Engine, publishedIndex: number, networkAsn: number | undefined): IpAnswer['provider'] {
  const range = engine.publishedAt(publishedIndex);
  const rule = range ?? (networkAsn === undefined ? undefined : engine.asnRules.get(networkAsn));
  if (rule === undefined) return null;
  const info = engine.providers.get(rule.provider);
  if (info === undefined) return null;
  return rule.service === undefined ? { id: info.id, name: info.name } : { id: info.id, name: info.name, service: rule.service };
}

export function lookupIp(engine: Engine, ip: ParsedIp): IpAnswer {
  if (ip.special !== undefined) return { ip: ip.text, asn: null, org: null, provider: null, reserved: ip.special };
  const network = engine.ip.networkAt(engine.ip.networkIndex(ip));
  return { ip: ip.text, asn: network?.asn ?? null, org: network?.org ?? null, provider: providerForIp(engine, engine.ip.publishedIndex(ip), network?.asn) };
}
