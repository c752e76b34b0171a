import type { Site } from '../../test/e2e/harness/sites.js';

// A page like the ones people visit: a document with 50 sub-resources from 10
// third-party hosts, half of which answer the way CDNs do (so the extension
// has provider headers to read, not only plain ones). Served by the harness's
// site server; every *.test name reaches it through --host-resolver-rules.

export const RESOURCE_PAGE_HOST = 'shop.test';
const HOSTS = 10;
const PER_HOST = 5;

const CDN_HEADERS: Record<string, string>[] = [
  { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b70-FRA', 'cf-cache-status': 'HIT' },
  { 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': '5f1e6d2c', 'x-timer': 'S1700000000.1,VS0,VE1' },
  { 'x-amz-cf-id': 'Xyz0aBcDeFgHiJkLmNoPq==', 'x-amz-cf-pop': 'FRA56-P1', via: '1.1 0123abcd.cloudfront.net (CloudFront)', 'x-cache': 'Hit from cloudfront' },
  { server: 'AkamaiGHost', 'akamai-grn': '0.1234abcd.1700000000.5678' },
  { server: 'BunnyCDN-DE1-1043', 'cdn-pullzone': '12345', 'cdn-requestid': 'abcdef0123456789' },
];

const host = (i: number) => `cdn${i}.test`;

/** The page's resource URLs: PER_HOST images on each of the HOSTS hosts. */
function resourceUrls(): string[] {
  return Array.from({ length: HOSTS * PER_HOST }, (_, i) => `http://${host(i % HOSTS)}/r${i}.gif`);
}

/** The page and its resource hosts, to add to the site server's sites. */
export function resourcePageSites(): Record<string, Site> {
  const images = resourceUrls().map((u) => `<img src="${u}" width="1" height="1" alt="">`).join('');
  const sites: Record<string, Site> = {
    [RESOURCE_PAGE_HOST]: { headers: { server: 'nginx' }, body: `<!doctype html><meta charset="utf-8"><title>shop</title><h1>A shop</h1>${images}` },
  };
  for (let i = 0; i < HOSTS; i++) sites[host(i)] = { headers: CDN_HEADERS[i] ?? { server: 'nginx' }, body: '' };
  return sites;
}

/** A URL of the page no earlier load used, so each load is a new navigation. */
export const resourcePageUrl = (n: number) => `http://${RESOURCE_PAGE_HOST}/?load=${n}`;
