import assert from 'node:assert/strict';
import { RANGE_SOURCES, azureFrontDoor } from '../../src/core/catalogue/range-sources.js';
import { realCatalogue } from './engine-fixture.js';

// The official formats, abridged from the providers' documented responses.
const bodies: Record<string, string> = {
  'cloudflare.txt': '173.245.48.0/20\n103.21.244.0/22\n\n2400:cb00::/32\n',
  'amazon.txt': JSON.stringify({ prefixes: [{ ip_prefix: '3.5.140.0/22', service: 'AMAZON' }, { ip_prefix: '13.32.0.0/15', service: 'CLOUDFRONT' }], ipv6_prefixes: [{ ipv6_prefix: '2600:9000::/28', service: 'CLOUDFRONT' }] }),
  'fastly.txt': JSON.stringify({ addresses: ['23.235.32.0/20'], ipv6_addresses: ['2a04:4e40::/32'] }),
  'google-cloud.txt': JSON.stringify({ prefixes: [{ ipv4Prefix: '34.1.208.0/20', service: 'Google Cloud' }, { ipv6Prefix: '2600:1900:8000::/44' }] }),
  'github-pages.txt': JSON.stringify({ pages: ['192.30.252.153/32', '2606:50c0:8000::153/128'], web: ['140.82.112.0/20'] }),
};
bodies['amazon-cloudfront.txt'] = bodies['amazon.txt']!;

describe('published range sources (npm run update-data)', () => {
  const expected: Record<string, string[]> = {
    'cloudflare.txt': ['173.245.48.0/20', '103.21.244.0/22', '2400:cb00::/32'],
    'amazon.txt': ['3.5.140.0/22', '13.32.0.0/15', '2600:9000::/28'],
    'amazon-cloudfront.txt': ['13.32.0.0/15', '2600:9000::/28'],
    'fastly.txt': ['23.235.32.0/20', '2a04:4e40::/32'],
    'google-cloud.txt': ['34.1.208.0/20', '2600:1900:8000::/44'],
    'github-pages.txt': ['192.30.252.153/32', '2606:50c0:8000::153/128'],
  };
  for (const source of RANGE_SOURCES) {
    it(`${source.file} is extracted from ${source.url}`, () => assert.deepEqual(source.extract(bodies[source.file]!), expected[source.file]));
  }
  it('covers every shipped list but the ones without an official feed', () => {
    const refreshed = new Set([...RANGE_SOURCES.map((s) => s.file), 'microsoft-azure-frontdoor.txt', 'vercel.txt']);
    assert.deepEqual(realCatalogue().ranges.map((r) => r.file).filter((f) => !refreshed.has(f)), []);
  });
  it('reads Azure Front Door from a service tags file, and says when the tag is missing', () => {
    const tags = { values: [{ name: 'AzureFrontDoor.Frontend', properties: { addressPrefixes: ['13.107.246.0/24'] } }, { name: 'AzureCloud', properties: { addressPrefixes: ['1.2.3.0/24'] } }] };
    assert.deepEqual(azureFrontDoor(JSON.stringify(tags)), ['13.107.246.0/24']);
    assert.throws(() => azureFrontDoor(JSON.stringify({ values: [] })), /no AzureFrontDoor\.Frontend/);
  });
  it('refuses a changed format instead of writing an empty list', () => {
    assert.throws(() => RANGE_SOURCES.find((s) => s.file === 'fastly.txt')!.extract('{"addresses":"oops"}'), /expected a list/);
  });
});
