import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ProbeRequest } from '../core/probe.js';

const USER_AGENT = 'whoserves header probe';

/**
 * One HEAD or GET through Node's http(s). Host names are resolved with
 * `addressesOf` (the same DoH resolver as the rest of the lookup, never the
 * system's), and the response says which address answered. Sends no cookies
 * or credentials; reads no body.
 */
export function nodeProbeRequest(addressesOf: (host: string) => Promise<string[]>, timeoutMs: number): ProbeRequest {
  const lookup: LookupFunction = (hostname, options, callback) => {
    addressesOf(hostname.toLowerCase()).then(
      (ips) => {
        if (ips.length === 0) return callback(Object.assign(new Error(`${hostname} has no address in DNS`), { code: 'ENOTFOUND' }), '', 4);
        if ((options as { all?: boolean }).all === true) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, ips.map((a) => ({ address: a, family: a.includes(':') ? 6 : 4 })));
        return callback(null, ips[0]!, ips[0]!.includes(':') ? 6 : 4);
      },
      (err: Error) => callback(err, '', 4),
    );
  };
  return (url, method) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(target, { method, lookup, headers: { 'user-agent': USER_AGENT, accept: '*/*' }, timeout: timeoutMs }, (res: IncomingMessage) => {
        const headers: { name: string; value: string }[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push({ name: res.rawHeaders[i]!, value: res.rawHeaders[i + 1]! });
        const ip = res.socket.remoteAddress?.replace(/^::ffff:/, '');
        res.destroy(); // the headers are all we want
        resolve(ip === undefined ? { status: res.statusCode ?? 0, headers } : { status: res.statusCode ?? 0, headers, ip });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer from ${target.host} within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });
}
