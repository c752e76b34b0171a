import { lookup as systemLookup } from 'node:dns/promises';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { parseIp, type ParsedIp } from '../core/ip/parse-ip.js';
import type { FetchInit, FetchLike, FetchResponse } from '../core/net/fetch-like.js';
import { ProbeRefused, ProbeTimedOut, type ProbeRequest } from '../core/probe.js';

// Every connection the CLI's lookup makes, through one gate: names are turned
// into addresses by `resolve` (the lookup's DoH resolver for sites, the system
// for the resolver's and registries' own names), and a connection to a
// private, loopback or otherwise reserved address is refused before it is
// made — unless it goes to a server the person named themselves (the origin of
// --doh or --rdap: that scheme, host and port, not the whole machine) or they
// passed --allow-private.
//
// Names are checked in the connection's own lookup, so the address checked is
// the address connected to: no rebinding between the two. Node does not call
// that lookup for an address literal, so literals are checked before the
// request is made. Each request (a site's headers with their redirects; a DoH
// or RDAP fetch with its redirects and its body) has one overall deadline, not
// an idle timeout a trickle of bytes could keep alive.

export interface Gate {
  /** How a host name becomes addresses. */
  resolve(host: string): Promise<string[]>;
  /** Whether a connection to this origin (`http://127.0.0.1:8053`) may go to a private address. */
  mayBePrivate(origin: string): boolean;
  timeoutMs: number;
}

const USER_AGENT = 'whoserves';
const MAX_REDIRECTS = 5;
/**
 * DoH and RDAP callers give a fetch their own deadline (an abort signal at the
 * same timeout) and name its passing; the gate's own deadline is the backstop
 * behind theirs, a little later, so theirs is the one reported.
 */
const BACKSTOP_GRACE_MS = 250;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The system resolver, for the names of the resolver and the registries themselves. */
export const systemResolve = async (host: string): Promise<string[]> => (await systemLookup(host, { all: true })).map((a) => a.address);

/** Why a connection is not made: `not connecting to nas.lan: it points to 192.168.1.10, a private address, …`. */
function refusal(host: string, ip: ParsedIp, literal: boolean): string {
  const kind = `${/^[aeiou]/.test(ip.special ?? '') ? 'an' : 'a'} ${ip.special ?? 'special'} address`;
  return `not connecting to ${host}: ${literal ? 'it is' : 'it points to'} ${ip.text}, ${kind}, not a public one (--allow-private allows it)`;
}

class RefusedAddress extends Error {
  readonly code = 'EWHOSERVESPRIVATE';
}

/** The lookup hook of one connection: resolves through the gate and hands Node only the addresses it may connect to. */
function gatedLookup(gate: Gate, origin: string): LookupFunction {
  return (hostname, options, callback) => {
    gate.resolve(hostname.toLowerCase()).then(
      (answers) => {
        const ips = answers.map((ip) => parseIp(ip)).filter((ip): ip is ParsedIp => ip !== undefined);
        if (ips.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
        const allowed = gate.mayBePrivate(origin) ? ips : ips.filter((ip) => ip.special === undefined);
        if (allowed.length === 0) return callback(new RefusedAddress(refusal(hostname, ips[0]!, false)), '', 4);
        const all = allowed.map((ip) => ({ address: ip.text, family: ip.version }));
        if ((options as { all?: boolean }).all === true) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, all);
        return callback(null, all[0]!.address, all[0]!.family);
      },
      (err: Error) => callback(err, '', 4),
    );
  };
}

// One connection pool per gate and scheme: a kept-alive connection opened
// through one gate (to the resolver you named on this machine) is never
// handed to a request through another (a site that redirects there).
interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
}
const agentsOf = new WeakMap<Gate, Agents>();
function agents(gate: Gate): Agents {
  let a = agentsOf.get(gate);
  if (a === undefined) agentsOf.set(gate, (a = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) }));
  return a;
}

interface Exchange {
  res: IncomingMessage;
  ip?: string;
}

interface ExchangeOptions {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
  /** When the whole request must be over (epoch ms): connection, headers and, until the response closes, its body. */
  until: number;
  signal?: AbortSignal | undefined;
}

/** One request through the gate; resolves with the response once its headers are in. The deadline and the signal keep watching its body. */
function exchange(url: string, gate: Gate, o: ExchangeOptions): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return reject(new Error('not a URL'));
    }
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
    if (send === undefined) return reject(new Error(`not a web address: ${target.protocol}`));
    const literal = parseIp(target.hostname);
    if (literal?.special !== undefined && !gate.mayBePrivate(target.origin)) return reject(new ProbeRefused(refusal(target.host, literal, true)));
    // Belt and braces: an address Node would connect to without a lookup, that the check above could not read.
    if (literal === undefined && isIP(target.hostname.replace(/^\[|\]$/g, '')) !== 0) return reject(new ProbeRefused(`not connecting to ${target.host}: an address whoserves cannot check`));
    if (o.signal?.aborted === true) return reject(new Error('aborted'));

    let res: IncomingMessage | undefined;
    const req = send(target, {
      method: o.method,
      lookup: gatedLookup(gate, target.origin),
      agent: target.protocol === 'https:' ? agents(gate).https : agents(gate).http,
      headers: { 'user-agent': USER_AGENT, accept: '*/*', ...o.headers },
    }, (response) => {
      res = response;
      res.once('close', stop);
      // Its errors reach whoever reads the body; one nobody reads must not bring the process down.
      res.on('error', () => undefined);
      const ip = res.socket.remoteAddress?.replace(/^::ffff:/, '');
      resolve(ip === undefined ? { res } : { res, ip });
    });
    const fail = (err: Error) => {
      res?.destroy(err);
      req.destroy(err);
    };
    const timer = setTimeout(() => fail(new ProbeTimedOut(`no complete answer from ${target.host} within ${gate.timeoutMs} ms`)), Math.max(0, o.until - Date.now()));
    const onAbort = () => fail(new Error('aborted'));
    o.signal?.addEventListener('abort', onAbort, { once: true });
    function stop() {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    }
    req.on('error', (err: Error) => {
      stop();
      reject(err instanceof RefusedAddress ? new ProbeRefused(err.message) : err);
    });
    req.end(o.body === undefined ? undefined : Buffer.from(o.body));
  });
}

const rawHeaders = (res: IncomingMessage) => {
  const out: { name: string; value: string }[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) out.push({ name: res.rawHeaders[i]!, value: res.rawHeaders[i + 1]! });
  return out;
};

/**
 * The header probe's request: one HEAD or GET, no redirects followed (the
 * probe follows them itself, hop by hop, and calls this again), no body read.
 * Every call shares one deadline, `gate.timeoutMs` from the first: a probe
 * with its redirects and its GET fallback is one request to the site.
 */
export function probeRequest(gate: Gate): ProbeRequest {
  let until: number | undefined;
  return async (url, method) => {
    until ??= Date.now() + gate.timeoutMs;
    const { res, ip } = await exchange(url, gate, { method, headers: {}, until });
    res.destroy(); // the headers are all we want
    return ip === undefined ? { status: res.statusCode ?? 0, headers: rawHeaders(res) } : { status: res.statusCode ?? 0, headers: rawHeaders(res), ip };
  };
}

/**
 * A fetch for DoH and RDAP: redirects followed through the same gate, the body
 * streamed so readers can stop at their cap, and the whole of it (every hop
 * and the body) within `gate.timeoutMs`.
 */
export function gatedFetch(gate: Gate): FetchLike {
  return async (url: string, init: FetchInit): Promise<FetchResponse> => {
    const until = Date.now() + gate.timeoutMs + (init.signal === undefined ? 0 : BACKSTOP_GRACE_MS);
    let at = url;
    let method: string = init.method;
    let body = init.body;
    for (let hop = 0; ; hop++) {
      const { res } = await exchange(at, gate, { method, headers: init.headers, body, until, signal: init.signal });
      const location = res.headers.location;
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && location !== undefined && hop < MAX_REDIRECTS) {
        res.destroy();
        at = new URL(location, at).href;
        // As fetch does: 303, and 301/302 after a POST, continue as a GET without the body.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      const iterator = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
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
