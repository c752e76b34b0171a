import { defaultSites } from '../../test/e2e/harness/sites.js';

// The site every popup and badge measure opens: the e2e tests' stand-in for a
// site behind Cloudflare (cf-ray, server: cloudflare), which whoserves names
// EDGE_NAME (edge-name.ts).
export const EDGE_HOST = 'cf-site.test';
export const EDGE_SITE = defaultSites()[EDGE_HOST]!;

/** A URL of the edge site no earlier navigation used, so the tab's badge is reset and set anew. */
export const edgeUrl = (tag: string) => `http://${EDGE_HOST}/?${tag}`;
