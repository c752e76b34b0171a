import ipaddr from 'ipaddr.js';
import type { AddressInfo, SpecialAddress } from '../types.js';
import { documentationV6, specialV4 } from './special-ranges.js';

export type ParsedIp =
  | { version: 4; v4: number; text: string; special?: SpecialAddress }
  | { version: 6; v6: [number, number, number, number]; text: string; special?: SpecialAddress };

/**
 * Fast path for dotted-quad IPv4 over ASCII bytes (the bulk case: the CLI
 * reads addresses straight from its input buffer): no regex, no allocation,
 * no string. Returns the address as an unsigned 32-bit number, or -1. Only
 * the strict form is accepted: no leading zeros, no "1.2.3", no hex.
 */
export function parseIPv4Bytes(bytes: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len < 7 || len > 15) return -1;
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // leading zero
      part = part * 10 + (c - 48);
      if (part > 255) return -1;
      digits++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + part;
}

// Strings are copied into this scratch buffer so both forms share one parser.
const scratch = new Uint8Array(16);

export function parseIPv4(s: string): number {
  if (s.length < 7 || s.length > 15) return -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return -1;
    scratch[i] = c;
  }
  return parseIPv4Bytes(scratch, 0, s.length);
}

export function formatIPv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function fromV4(n: number): ParsedIp {
  const ip: ParsedIp = { version: 4, v4: n, text: formatIPv4(n) };
  const special = specialV4(n);
  if (special !== undefined) ip.special = special;
  return ip;
}

// ipaddr.js's names for IPv6 space no site is served from, as the kinds whoserves names.
const V6_RANGES: Record<string, SpecialAddress> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'link-local',
  multicast: 'multicast',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'unique-local',
};

/** The IPv4 address an IPv6 address carries in its low 32 bits (NAT64, IPv4-compatible, IPv4-translated). */
const low32 = (p: number[]) => ((p[6]! << 16) | p[7]!) >>> 0;

/**
 * What kind of special space an IPv6 address is in. Translation and tunnel
 * prefixes (local-use NAT64 64:ff9b:1::/48, 6to4, Teredo, IPv4-compatible,
 * IPv4-translated) reach an IPv4 address through some gateway: when that
 * address is itself private the whole is named after it, otherwise the
 * prefix is reserved space no hosting company serves a site from.
 */
function specialV6(addr: ipaddr.IPv6, words: [number, number, number, number]): SpecialAddress | undefined {
  const documentation = documentationV6(words);
  if (documentation !== undefined) return documentation;
  const range = addr.range();
  if (Object.hasOwn(V6_RANGES, range)) return V6_RANGES[range];
  const p = addr.parts;
  const ipv4Compatible = range === 'unicast' && p.slice(0, 6).every((x) => x === 0);
  if (range === 'unicast' && !ipv4Compatible) return undefined;
  const embedded = range === '6to4' ? ((p[1]! << 16) | p[2]!) >>> 0 : ipv4Compatible || range === 'rfc6052' || range === 'rfc6145' ? low32(p) : undefined;
  return (embedded === undefined ? undefined : specialV4(embedded)) ?? 'reserved';
}

/** Parses an IPv4 or IPv6 literal (brackets and zone ids allowed); undefined when it is not one. */
export function parseIp(input: string): ParsedIp | undefined {
  const bare = input.trim().replace(/^\[(.*)\]$/, '$1');
  const n = parseIPv4(bare);
  if (n >= 0) return fromV4(n);
  if (!bare.includes(':') || !ipaddr.IPv6.isValid(bare)) return undefined;
  const addr = ipaddr.IPv6.parse(bare);
  // An IPv4-mapped address, or one in the well-known NAT64 prefix (a DNS64 resolver's
  // stand-in for an IPv4-only host), is that IPv4 host for every purpose here.
  if (addr.isIPv4MappedAddress()) return fromV4(parseIPv4(addr.toIPv4Address().toString()));
  const p = addr.parts;
  if (p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0)) return fromV4(low32(p));
  const v6: [number, number, number, number] = [
    ((p[0]! << 16) | p[1]!) >>> 0,
    ((p[2]! << 16) | p[3]!) >>> 0,
    ((p[4]! << 16) | p[5]!) >>> 0,
    ((p[6]! << 16) | p[7]!) >>> 0,
  ];
  const ip: ParsedIp = { version: 6, v6, text: addr.toRFC5952String() };
  const special = specialV6(addr, v6);
  if (special !== undefined) ip.special = special;
  return ip;
}

/** The first and last address of a CIDR, as bigints (build time only), with its canonical text. */
export function parseCidr(input: string): { version: 4 | 6; first: bigint; last: bigint; text: string } | undefined {
  const slash = input.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(input.slice(0, slash));
  const lengthText = input.slice(slash + 1);
  if (ip === undefined || ip.text.includes('%') || !/^\d{1,3}$/.test(lengthText)) return undefined;
  const length = Number(lengthText);
  const bits = ip.version === 4 ? 32 : 128;
  if (length > bits) return undefined;
  const value = ipToBigInt(ip);
  const hostBits = BigInt(bits - length);
  const first = (value >> hostBits) << hostBits;
  const last = first | ((1n << hostBits) - 1n);
  return { version: ip.version, first, last, text: `${formatBigIp(first, ip.version)}/${length}` };
}

function formatBigIp(value: bigint, version: 4 | 6): string {
  return version === 4 ? formatIPv4(Number(value)) : formatIPv6(v6Words(value));
}

/** An IPv6 address as a bigint (build time), as four 32-bit words, most significant first. */
export function v6Words(value: bigint): [number, number, number, number] {
  return [Number((value >> 96n) & 0xffffffffn), Number((value >> 64n) & 0xffffffffn), Number((value >> 32n) & 0xffffffffn), Number(value & 0xffffffffn)];
}

/** An IPv6 address given as four 32-bit words, most significant first, in its canonical (RFC 5952) text. */
export function formatIPv6(words: ArrayLike<number>): string {
  const bytes: number[] = [];
  for (let i = 0; i < 16; i++) bytes.push((words[i >> 2]! >>> (24 - 8 * (i & 3))) & 255);
  return (ipaddr.fromByteArray(bytes) as ipaddr.IPv6).toRFC5952String();
}

export function ipToBigInt(ip: ParsedIp): bigint {
  if (ip.version === 4) return BigInt(ip.v4);
  return ip.v6.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}

export function addressInfo(ip: ParsedIp): AddressInfo {
  const info: AddressInfo = { ip: ip.text, version: ip.version };
  if (ip.special !== undefined) info.special = ip.special;
  return info;
}
