import type { SpecialAddress } from '../types.js';

// Address space that no hosting company serves from. IPv4 is listed by hand
// (IANA special-purpose registry, RFC 6890 and successors; a test checks it
// covers every range ipaddr.js knows) so the CLI's bulk path checks it without
// allocating. IPv6 takes its ranges from ipaddr.js (parse-ip.ts), plus the
// documentation prefixes below, which ipaddr.js files under "reserved".

type V4Rule = [network: number, length: number, kind: SpecialAddress];
type V6Rule = [words: [number, number, number, number], length: number, kind: SpecialAddress];

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

const SPECIAL_V4: V4Rule[] = [
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'cgnat'],
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'documentation'],
  [v4(192, 31, 196, 0), 24, 'reserved'], // AS112 (RFC 7535)
  [v4(192, 52, 193, 0), 24, 'reserved'], // AMT relays (RFC 7450)
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(192, 175, 48, 0), 24, 'reserved'], // AS112 (RFC 7534)
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'documentation'],
  [v4(203, 0, 113, 0), 24, 'documentation'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'],
];

const SPECIAL_V6: V6Rule[] = [
  [[0x20010db8, 0, 0, 0], 32, 'documentation'],
  [[0x3fff0000, 0, 0, 0], 20, 'documentation'],
];

function maskFor(bits: number): number {
  return bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
}

// 1 for first octets that begin some special range: everything else is ordinary space, decided by one array read.
const SPECIAL_FIRST_OCTETS = new Uint8Array(256);
for (const [network, length] of SPECIAL_V4) {
  const span = length >= 8 ? 1 : 2 ** (8 - length);
  SPECIAL_FIRST_OCTETS.fill(1, network >>> 24, (network >>> 24) + span);
}

export function specialV4(n: number): SpecialAddress | undefined {
  if (SPECIAL_FIRST_OCTETS[n >>> 24] === 0) return undefined;
  for (const [network, length, kind] of SPECIAL_V4) if (((n & maskFor(length)) >>> 0) === network) return kind;
  return undefined;
}

/** The IPv6 documentation prefixes (RFC 3849, RFC 9637); other special IPv6 space comes from ipaddr.js. */
export function documentationV6(words: ArrayLike<number>): SpecialAddress | undefined {
  for (const [network, length, kind] of SPECIAL_V6) {
    let matches = true;
    for (let w = 0; w < 4 && matches; w++) {
      const bits = Math.min(32, Math.max(0, length - w * 32));
      const m = maskFor(bits);
      matches = ((words[w]! & m) >>> 0) === ((network[w]! & m) >>> 0);
    }
    if (matches) return kind;
  }
  return undefined;
}
