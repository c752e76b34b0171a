import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseAsnCsv, type AsnRow } from '../core/ip/compile-networks.js';

const require = createRequire(import.meta.url);

/** Where @ip-location-db/asn is installed, and its version (shown as the data version). */
export function asnPackage(): { dir: string; version: string } {
  const manifest = require.resolve('@ip-location-db/asn/package.json');
  return { dir: dirname(manifest), version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version };
}

export function readAsnRows(): { v4: AsnRow[]; v6: AsnRow[]; version: string } {
  const { dir, version } = asnPackage();
  const read = (file: string) => parseAsnCsv(readFileSync(join(dir, file), 'utf8'), file);
  return { v4: read('asn-ipv4-num.csv'), v6: read('asn-ipv6-num.csv'), version };
}
