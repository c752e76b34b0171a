import { lookup as systemLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { parseIp } from '../core/ip/parse-ip.js';
import type { FetchInit, FetchLike, FetchResponse } from '../core/net/fetch-like.js';
import { ProbeRefused, ProbeTimedOut, type ProbeRequest } from '../core/probe.js';

// Every connection the CLI's lookup makes, through one gate: names are turned
// into addresses by `resolve` (the lookup's DoH resolver for sites, the system
// for the resolver's and registries' own names), and a connection to a
// private, loopback or otherwise reserved address is refused before it is
// made — unless the person named that server themselves (a resolver on this
// machine) or passed --allow-private. Because the check happens in the
// connection's own lookup, the address checked is the address connected to:
// no rebinding between the two. Each request has an overall deadline, not an
// idle timeout a slow trickle of bytes could keep alive.

export interface Gate {
  /** How a host name becomes addresses. */
  resolve(host: string): Promise<string[]>;
  /** Whether this host may be at a private address: the servers the person configured, or everything with --allow-private. */
  mayBePrivate(host: string): boolean;
  timeoutMs: number;
}

const USER_AGENT = 'whoserves';
const MAX_REDIRECTS = 5;

/** The system resolver, for the names of the resolver and the registries themselves. */
export const systemResolve = async (host: string): Promise<string[]> => (await systemLookup(host, { all: true })).map((a) => a.address);

class RefusedAddress extends Error {
  readonly code = 'EWHOSERVESPRIVATE';
}

function gatedLookup(gate: Gate): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.toLowerCase();
    const literal = parseIp(host);
    (literal !== undefined ? Promise.resolve([literal.text]) : gate.resolve(host)).then(
      (ips) => {
        const allowed = gate.mayBePrivate(host) ? ips : ips.filter((ip) => parseIp(ip)?.special === undefined);
        if (ips.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
        if (allowed.length === 0) return callback(new RefusedAddress(`not connecting to ${hostname}: it points to ${ips[0]}, an address in your own network (use --allow-private to allow it)`), '', 4);
        const family = (a: string) => (a.includes(':') ? 6 : 4);
        if ((options as { all?: boolean }).all === true) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, allowed.map((a) => ({ address: a, family: family(a) })));
        return callback(null, allowed[0]!, family(allowed[0]!));
      },
      (err: Error) => callback(err, '', 4),
    );
  };
}

interface Exchange {
  res: IncomingMessage;
  ip?: string;
}

/** One request through the gate; resolves with the response once its headers are in. */
function exchange(url: string, method: string, headers: Record<string, string>, body: Uint8Array | undefined, gate: Gate, signal: AbortSignal | undefined): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
    if (send === undefined) return reject(new Error(`not a web address: ${target.protocol}`));
    const req = send(target, { method, lookup: gatedLookup(gate), headers: { 'user-agent': USER_AGENT, accept: '*/*', ...headers } }, (res) => {
      clearTimeout(deadline);
      const ip = res.socket.remoteAddress?.replace(/^::ffff:/, '');
      resolve(ip === undefined ? { res } : { res, ip });
    });
    const deadline = setTimeout(() => req.destroy(new ProbeTimedOut(`no answer from ${target.host} within ${gate.timeoutMs} ms`)), gate.timeoutMs);
    signal?.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true });
    req.on('error', (err: Error) => {
      clearTimeout(deadline);
      reject(err instanceof RefusedAddress ? new ProbeRefused(err.message) : err);
    });
    req.end(body === undefined ? undefined : Buffer.from(body));
  });
}

const rawHeaders = (res: IncomingMessage) => {
  const out: { name: string; value: string }[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) out.push({ name: res.rawHeaders[i]!, value: res.rawHeaders[i + 1]! });
  return out;
};

/** The header probe's request: one HEAD or GET, no redirects followed (the probe follows them itself, hop by hop), no body read. */
export function probeRequest(gate: Gate): ProbeRequest {
  return async (url, method) => {
    const { res, ip } = await exchange(url, method, {}, undefined, gate, undefined);
    res.destroy(); // the headers are all we want
    return ip === undefined ? { status: res.statusCode ?? 0, headers: rawHeaders(res) } : { status: res.statusCode ?? 0, headers: rawHeaders(res), ip };
  };
}

/** A fetch for DoH and RDAP: redirects followed through the same gate, the body streamed so readers can stop at their cap. */
export function gatedFetch(gate: Gate): FetchLike {
  return async (url: string, init: FetchInit): Promise<FetchResponse> => {
    let at = url;
    for (let hop = 0; ; hop++) {
      const { res } = await exchange(at, init.method, init.headers, init.body, gate, init.signal);
      const location = res.headers.location;
      if (res.statusCode !== undefined && [301, 302, 303, 307, 308].includes(res.statusCode) && location !== undefined && hop < MAX_REDIRECTS) {
        res.destroy();
        at = new URL(location, at).href;
        continue;
      }
      const iterator = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const status = res.statusCode ?? 0;
      return {
        ok: status >= 200 && status < 300,
        status,
        url: at,
        headers: { get: (name: string) => (res.headers[name.toLowerCase()] as string | undefined) ?? null },
        body: {
          getReader: () => ({
            read: async () => {
              const next = await iterator.next();
              return next.done === true ? { done: true } : { done: false, value: new Uint8Array(next.value) };
            },
            cancel: async () => void res.destroy(),
          }),
        },
        arrayBuffer: async () => {
          const chunks: Buffer[] = [];
          for await (const c of res as AsyncIterable<Buffer>) chunks.push(c);
          const all = Buffer.concat(chunks);
          return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
        },
      };
    }
  };
}
