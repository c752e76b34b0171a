import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileDnsBootstrap, type DnsBootstrap } from '../core/rdap/bootstrap.js';

const require = createRequire(import.meta.url);

/**
 * IANA's RDAP bootstrap for domains, from the snapshot the npm package
 * `freewhois` keeps of https://data.iana.org/rdap/dns.json (its tlds.json is
 * that file's services array), with the package version as the data version.
 */
export function readDnsBootstrap(): { bootstrap: DnsBootstrap; version: string } {
  const manifest = require.resolve('freewhois/package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const services: unknown = JSON.parse(readFileSync(manifest.replace(/package\.json$/, 'tlds.json'), 'utf8'));
  return { bootstrap: compileDnsBootstrap(services), version };
}
