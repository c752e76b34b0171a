import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CompiledCatalogue } from '../core/catalogue/types.js';
import { compileIpData } from '../core/ip/compile-ip-data.js';
import { FORMAT } from '../core/ip/ip-data.js';
import { asnPackage, readAsnRows } from './read-ip-sources.js';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/whoserves/', import.meta.url));

/**
 * ipdata.bin and ipdata6.bin for this catalogue, compiled from
 * @ip-location-db/asn (~2 s) or taken from the cache when neither the ASN
 * package, the published ranges nor the format changed. The build and the
 * tests share the cache.
 */
export function ipDataFor(catalogue: CompiledCatalogue): { main: Uint8Array; v6: Uint8Array; asnVersion: string } {
  const { version } = asnPackage();
  const key = createHash('sha256').update(JSON.stringify([FORMAT, version, catalogue.ranges])).digest('hex').slice(0, 16);
  const path = (name: string) => join(cacheDir, `${name}-${key}.bin`);
  try {
    return { main: readFileSync(path('ipdata')), v6: readFileSync(path('ipdata6')), asnVersion: version };
  } catch {
    const rows = readAsnRows();
    const { main, v6 } = compileIpData(rows.v4, rows.v6, catalogue);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path('ipdata6'), v6);
    writeFileSync(path('ipdata'), main);
    return { main, v6, asnVersion: version };
  }
}
