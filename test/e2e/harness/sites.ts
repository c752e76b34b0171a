import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
 * way its kind of provider does. A fresh copy per server, so a test that
 * changes a site changes it for its own suite only.
 */
export function defaultSites(): Record<string, Site> {
  return {
    // Loaded first so the harness can wait until the extension provably records requests.
    'probe.test': { headers: { server: 'nginx' }, body: page('probe') },
    'cf-site.test': {
      headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7c-FRA', 'cf-cache-status': 'DYNAMIC', 'set-cookie': '__cf_bm=secretvalue; Path=/; HttpOnly' },
      body: page('A site behind Cloudflare'),
    },
    'plain.test': { headers: { server: 'nginx/1.24.0' }, body: page('A plain origin') },
    // Loaded only while the extension's background is unloaded.
    'woken.test': { headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7f-FRA' }, body: page('Loaded while the background slept') },
    // Only the test of a provider move visits it, and changes its headers in between.
    'moving.test': { headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7e-FRA' }, body: page('A site about to move') },
    'challenged.test': {
      status: 403,
      headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7d-FRA', 'cf-mitigated': 'challenge' },
      body: page('Just a moment...'),
    },
    'links.test': {
      headers: { server: 'Apache' },
      body: page('Links', '<p><a id="assets-link" href="http://assets.test/download">assets</a> <a id="unseen-link" href="http://never-loaded.test/">elsewhere</a></p><img src="http://assets.test/pixel.gif" alt=""><img src="http://d1e2e3example.cloudfront.net/pixel.gif" alt="">'),
    },
    // Never loaded by the browser in the tests: only the header probe asks it.
    'probe-me.test': {
      headers: { 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': 'f00d' },
      body: page('probed'),
    },
    // A platform that builds, hosts and serves the site itself.
    'platform.test': { headers: { server: 'Vercel', 'x-vercel-id': 'fra1::iad1::abcde-1764400000000-0123456789ab', 'x-vercel-cache': 'MISS' }, body: page('A site on a platform') },
    // A URL a page can navigate its own tab to: 204 No Content leaves the page where it is.
    'nocontent.test': { status: 204, headers: { 'x-served-by': 'cache-fra-etou8220140-FRA', 'x-fastly-request-id': 'decoy' }, body: '' },
    // A page trying to rewrite what whoserves says about it: a 204 navigation of its own tab,
    // a synthetic back/forward-cache restore, and requests to hosts that never answer.
    'decoy.test': {
      headers: { server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b80-FRA' },
      body: page('A page that lies', `<script>
        dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        fetch('http://invented.test/tracker').catch(() => {});
        new Image().src = 'http://ghost.test/pixel.gif';
      </script><a id="nocontent" href="http://nocontent.test/">204</a>`),
    },
    // A CDN host the page loads from, named by its domain (every host the page loads is on 127.0.0.1 here).
    'd1e2e3example.cloudfront.net': { headers: { 'x-cache': 'Miss from cloudfront', via: '1.1 abc.cloudfront.net (CloudFront)' }, body: '' },
    'assets.test': {
      headers: { 'x-served-by': 'cache-fra-eddf8230098-FRA', 'x-fastly-request-id': '5f1e6d2c', 'x-timer': 'S1700000000.1,VS0,VE1', 'content-type': 'image/gif' },
      body: '',
    },
  };
}

export interface SiteServer {
  port: number;
  /** `host/path` of every request a site answered. */
  requests: string[];
  /** Every request a site answered, with its method and the cookies it carried. */
  log: { host: string; method: string; cookie: string | undefined }[];
  /**
   * Every request that would have left the machine (`CONNECT host:port`, or
   * `METHOD url` for a name no site has): refused, like a name that does not resolve.
   */
  refused: string[];
  /** Replaces what a site answers from now on. */
  serve(host: string, site: Site): void;
  close(): Promise<void>;
}

/**
 * The sites, and where the test browsers' requests for names end: Chromium
 * maps every *.test name here (host resolver rules); Firefox sends every
 * request for a name (not 127.0.0.1) here as its HTTP proxy. It answers the
 * names in `sites` and refuses everything else, tunnels (https) included, so
 * nothing a test, the extension or the browser itself does can leave the
 * machine, and every such attempt is logged.
 */
export async function startSites(sites: Record<string, Site> = defaultSites()): Promise<SiteServer> {
  const requests: string[] = [];
  const log: SiteServer['log'] = [];
  const refused: string[] = [];
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    // As a proxy the server is asked for absolute URLs; as a site, for paths.
    const url = new URL(req.url ?? '/', `http://${host}`);
    const site = sites[host];
    if (site === undefined) {
      refused.push(`${req.method ?? ''} ${url.href}`);
      req.socket.destroy();
      return;
    }
    requests.push(`${host}${url.pathname}${url.search}`);
    log.push({ host, method: req.method ?? '', cookie: req.headers.cookie });
    const isGif = url.pathname.endsWith('.gif');
    res.writeHead(site.status ?? 200, { 'content-type': isGif ? 'image/gif' : 'text/html; charset=utf-8', 'cache-control': 'no-store', ...site.headers });
    res.end(isGif ? GIF : site.body);
  };
  const server: Server = createServer(answer);
  // A refused tunnel is an answer, not a dropped connection: browsers retry dropped ones.
  server.on('connect', (req: IncomingMessage, socket) => {
    refused.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    log,
    refused,
    serve(host, site) {
      sites[host] = site;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
