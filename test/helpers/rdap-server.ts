import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// An RDAP registry for tests, on 127.0.0.1: domain objects in the shape
// registries serve (RFC 9083), and the failures they produce.

const jcard = (fn: string, extra: unknown[][] = []) => ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', fn], ...extra]];

export function domainObject(domain: string, registrar: { name: string; ianaId: string; abuseEmail: string; abusePhone?: string }) {
  return {
    objectClassName: 'domain',
    ldhName: domain.toUpperCase(),
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrar'],
        handle: registrar.ianaId,
        publicIds: [{ type: 'IANA Registrar ID', identifier: registrar.ianaId }],
        vcardArray: jcard(registrar.name),
        entities: [{ objectClassName: 'entity', roles: ['abuse'], vcardArray: jcard('Abuse', [['email', {}, 'text', registrar.abuseEmail], ['tel', { type: 'voice' }, 'uri', `tel:${registrar.abusePhone ?? '+1.5555550100'}`]]) }],
      },
    ],
  };
}

export interface RdapServer {
  url: string;
  paths: string[];
  close(): Promise<void>;
}

/** `domains` answer 200; `limited` answer 429 with Retry-After; `garbage` answer non-JSON; anything else 404. */
export async function startRdapServer(domains: Record<string, unknown>, behaviour: { limited?: string[]; garbage?: string[] } = {}): Promise<RdapServer> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    const name = decodeURIComponent((req.url ?? '').replace(/^\/domain\//, '')).toLowerCase();
    if (behaviour.limited?.includes(name)) return void res.writeHead(429, { 'retry-after': '30' }).end();
    if (behaviour.garbage?.includes(name)) return void res.writeHead(200, { 'content-type': 'application/rdap+json' }).end('<html>');
    const body = domains[name];
    if (body === undefined) return void res.writeHead(404, { 'content-type': 'application/rdap+json' }).end('{"errorCode":404}');
    res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, paths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
