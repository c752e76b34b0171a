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
 * ipdata.bin for this catalogue, compiled from @ip-location-db/asn (~2 s) or
 * taken from the cache when neither the ASN package, the published ranges nor
 * the format changed. The build and the tests share the cache.
 */
export function ipDataFor(catalogue: CompiledCatalogue): { bytes: Uint8Array; asnVersion: string } {
  const { version } = asnPackage();
  const key = createHash('sha256').update(JSON.stringify([FORMAT, version, catalogue.ranges])).digest('hex').slice(0, 16);
  const path = join(cacheDir, `ipdata-${key}.bin`);
  try {
    return { bytes: readFileSync(path), asnVersion: version };
  } catch {
    const rows = readAsnRows();
    const bytes = compileIpData(rows.v4, rows.v6, catalogue);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, bytes);
    return { bytes, asnVersion: version };
  }
}
