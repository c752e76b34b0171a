import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Site {
  status?: number;
  headers: Record<string, string>;
  body: string;
}

const page = (title: string, extra = '') => `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1>${extra}`;
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Local stand-ins for real sites, chosen by Host header, each answering the
 * way its kind of provider does. The browser reaches them under .test names
 * mapped to 127.0.0.1 by --host-resolver-rules.
 */
export const SITES: Record<string, Site> = {
  // Loaded first so a test can wait until the worker provably records requests.
  'probe.test': { headers: { server: 'nginx' }, body: page('probe') },
  'cf-site.test': {
    headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7c-FRA', 'cf-cache-status': 'DYNAMIC', 'set-cookie': '__cf_bm=secretvalue; Path=/; HttpOnly' },
    body: page('A site behind Cloudflare'),
  },
  'plain.test': { headers: { server: 'nginx/1.24.0' }, body: page('A plain origin') },
  // Tests change its headers to move it from one provider to another.
  'moving.test': { headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7e-FRA' }, body: page('A site about to move') },
  'challenged.test': {
    status: 403,
    headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7d-FRA', 'cf-mitigated': 'challenge' },
    body: page('Just a moment...'),
  },
  'links.test': {
    headers: { server: 'Apache' },
    body: page('Links', '<p><a id="assets-link" href="http://assets.test/download">assets</a> <a id="unseen-link" href="http://never-loaded.test/">elsewhere</a></p><img src="http://assets.test/pixel.gif" alt="">'),
  },
  // Never loaded by the browser in the tests: only the header probe asks it.
  'probe-me.test': {
    headers: { 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': 'f00d' },
    body: page('probed'),
  },
  'assets.test': {
    headers: { 'x-served-by': 'cache-fra-eddf8230098-FRA', 'x-fastly-request-id': '5f1e6d2c', 'x-timer': 'S1700000000.1,VS0,VE1', 'content-type': 'image/gif' },
    body: '',
  },
};

export interface SiteServer {
  port: number;
  requests: string[];
  /** Every request with its method and the cookies it carried. */
  log: { host: string; method: string; cookie: string | undefined }[];
  close(): Promise<void>;
}

export async function startSites(sites: Record<string, Site> = SITES): Promise<SiteServer> {
  const requests: string[] = [];
  const log: SiteServer['log'] = [];
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    requests.push(`${host}${req.url ?? ''}`);
    log.push({ host, method: req.method ?? '', cookie: req.headers.cookie });
    const site = sites[host];
    if (site === undefined) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end(`no site ${host}`);
      return;
    }
    const isGif = req.url?.endsWith('.gif') === true;
    res.writeHead(site.status ?? 200, { 'content-type': isGif ? 'image/gif' : 'text/html; charset=utf-8', 'cache-control': 'no-store', ...site.headers });
    res.end(isGif ? GIF : site.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
