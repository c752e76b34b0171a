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

export function networkObject(start: string, end: string, name: string, registrant: string, abuseEmail: string) {
  return {
    objectClassName: 'ip network',
    handle: `NET-${name}`,
    startAddress: start,
    endAddress: end,
    name,
    country: 'US',
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrant'],
        vcardArray: jcard(registrant),
        entities: [{ objectClassName: 'entity', roles: ['abuse'], vcardArray: jcard('Abuse desk', [['email', {}, 'text', abuseEmail]]) }],
      },
    ],
  };
}

export interface RdapServer {
  url: string;
  paths: string[];
  close(): Promise<void>;
}

/**
 * `objects` by path (`domain/x.com`, `ip/1.2.3.4`) answer 200; `redirects` answer 301 to another URL;
 * `limited` answer 429 with Retry-After; `garbage` answer non-JSON; anything else 404.
 */
export async function startRdapServer(objects: Record<string, unknown>, behaviour: { limited?: string[]; garbage?: string[]; redirects?: Record<string, string> } = {}): Promise<RdapServer> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    const name = decodeURIComponent((req.url ?? '').replace(/^\//, '')).toLowerCase();
    const to = behaviour.redirects?.[name];
    if (to !== undefined) return void res.writeHead(301, { location: to }).end();
    if (behaviour.limited?.includes(name)) return void res.writeHead(429, { 'retry-after': '30' }).end();
    if (behaviour.garbage?.includes(name)) return void res.writeHead(200, { 'content-type': 'application/rdap+json' }).end('<html>');
    const body = objects[name];
    if (body === undefined) return void res.writeHead(404, { 'content-type': 'application/rdap+json' }).end('{"errorCode":404}');
    res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, paths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
