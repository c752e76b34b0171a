import ipaddr from 'ipaddr.js';
import type { AddressInfo, SpecialAddress } from '../types.js';

export interface ParsedIp {
  version: 4 | 6;
  /** The address as an unsigned integer (bigint so IPv6 fits). */
  value: bigint;
  /** Canonical text: dotted quad, or RFC 5952 for IPv6. */
  text: string;
  special?: SpecialAddress;
}

// ipaddr.js range names → the words we show. `unicast` (and the tunnelling
// ranges that carry public addresses) are ordinary public space.
const SPECIAL: Record<string, SpecialAddress> = {
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  carrierGradeNat: 'cgnat',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'reserved',
  reserved: 'reserved',
  benchmarking: 'reserved',
  as112: 'reserved',
  as112v6: 'reserved',
  amt: 'reserved',
  orchid2: 'reserved',
  droneRemoteIdProtocolEntityTags: 'reserved',
  uniqueLocal: 'unique-local',
};

function toBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

/** Parses an IPv4 or IPv6 literal (brackets and zone ids allowed); undefined when it is not one. */
export function parseIp(input: string): ParsedIp | undefined {
  const bare = input.trim().replace(/^\[(.*)\]$/, '$1');
  // Only the strict forms: ipaddr.js would otherwise accept "1" or "0x7f.1" as IPv4.
  if (!ipaddr.IPv6.isValid(bare) && !ipaddr.IPv4.isValidFourPartDecimal(bare)) return undefined;
  let addr = ipaddr.parse(bare);
  // An IPv4-mapped IPv6 address is the IPv4 host for every purpose here.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  const version = addr.kind() === 'ipv4' ? 4 : 6;
  const special = SPECIAL[addr.range()];
  const text = version === 4 ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String();
  const parsed: ParsedIp = { version, value: toBigInt(addr.toByteArray()), text };
  if (special !== undefined) parsed.special = special;
  return parsed;
}

/** Parses "address/length" into its network value; undefined when malformed. */
export function parseCidr(input: string): { version: 4 | 6; network: bigint; length: number; text: string } | undefined {
  const slash = input.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(input.slice(0, slash));
  const lengthText = input.slice(slash + 1);
  if (ip === undefined || ip.text.includes('%') || !/^\d{1,3}$/.test(lengthText)) return undefined;
  const length = Number(lengthText);
  const bits = ip.version === 4 ? 32 : 128;
  if (length > bits) return undefined;
  const hostBits = BigInt(bits - length);
  const network = (ip.value >> hostBits) << hostBits;
  return { version: ip.version, network, length, text: `${ip.text}/${length}` };
}

export function addressInfo(ip: ParsedIp): AddressInfo {
  const info: AddressInfo = { ip: ip.text, version: ip.version };
  if (ip.special !== undefined) info.special = ip.special;
  return info;
}
