import * as packet from '@leichtgewicht/dns-packet';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A DNS-over-HTTPS resolver for tests (RFC 8484 wire format over plain HTTP on
// 127.0.0.1): answers from a small zone like a recursive resolver would,
// including whole CNAME chains, and misbehaves on request.

export type Zone = Record<string, { A?: string[]; AAAA?: string[]; CNAME?: string; NS?: string[]; MX?: string[]; TXT?: string[]; SOA?: string }>;

export interface DohBehaviour {
  /** Added to every answer, in milliseconds. */
  delayMs?: number;
  /** Added to the answers for these names only. */
  slow?: Record<string, number>;
  /** Names answered SERVFAIL, never answered, truncated, answered with garbage, or with an HTTP error. */
  servfail?: string[];
  hang?: string[];
  truncate?: string[];
  garbage?: string[];
  httpError?: Record<string, number>;
  /** Refuse GET with 405, as some resolvers do, so clients must POST. */
  postOnly?: boolean;
  /** Leave CNAME chains unfinished: answer only the first hop. */
  partialChains?: boolean;
}

export interface DohServer {
  url: string;
  port: number;
  queries: string[];
  close(): Promise<void>;
}

const TTL = 300;

function answer(zone: Zone, q: packet.Question, partial: boolean): { rcode: number; answers: packet.Answer[] } {
  const answers: packet.Answer[] = [];
  let name = q.name.toLowerCase().replace(/\.$/, '');
  if (zone[name] === undefined) return { rcode: 3, answers };
  for (let hops = 0; hops < 10; hops++) {
    const entry = zone[name];
    if (entry === undefined) break;
    if (entry.CNAME !== undefined && q.type !== 'CNAME') {
      answers.push({ type: 'CNAME', name, ttl: TTL, data: entry.CNAME });
      name = entry.CNAME;
      if (partial) return { rcode: 0, answers };
      continue;
    }
    const t = q.type as keyof Zone[string];
    const values = entry[t];
    if (values === undefined) break;
    for (const v of Array.isArray(values) ? values : [values]) {
      if (t === 'MX') answers.push({ type: 'MX', name, ttl: TTL, data: { preference: 10, exchange: v } });
      else if (t === 'TXT') answers.push({ type: 'TXT', name, ttl: TTL, data: [v] });
      else if (t === 'SOA') answers.push({ type: 'SOA', name, ttl: TTL, data: { mname: v, rname: `hostmaster.${name}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 } });
      else answers.push({ type: t, name, ttl: TTL, data: v } as packet.Answer);
    }
    break;
  }
  return { rcode: 0, answers };
}

async function body(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startDohServer(zone: Zone, behaviour: DohBehaviour = {}): Promise<DohServer> {
  const queries: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/dns-query') return void res.writeHead(404).end();
      if (req.method === 'GET' && behaviour.postOnly === true) return void res.writeHead(405).end();
      const wire = req.method === 'POST' ? await body(req) : Buffer.from(url.searchParams.get('dns') ?? '', 'base64url');
      let query: packet.Packet;
      try {
        query = packet.decode(wire);
      } catch {
        return void res.writeHead(400).end();
      }
      const q = query.questions?.[0];
      if (q === undefined) return void res.writeHead(400).end();
      const name = q.name.toLowerCase();
      queries.push(`${q.type} ${name}`);
      if (behaviour.hang?.includes(name)) return; // never answers
      const delay = (behaviour.delayMs ?? 0) + (behaviour.slow?.[name] ?? 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const status = behaviour.httpError?.[name];
      if (status !== undefined) return void res.writeHead(status).end();
      res.setHeader('content-type', 'application/dns-message');
      if (behaviour.garbage?.includes(name)) return void res.end(Buffer.from([0, 0, 0x81]));
      let flags = packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE;
      let answers: packet.Answer[] = [];
      if (behaviour.servfail?.includes(name)) flags |= 2;
      else if (behaviour.truncate?.includes(name)) flags |= packet.TRUNCATED_RESPONSE;
      else {
        const result = answer(zone, q, behaviour.partialChains === true);
        flags |= result.rcode;
        answers = result.answers;
      }
      const authorities: packet.Answer[] = answers.length === 0 ? [{ type: 'SOA', name: name.split('.').slice(-2).join('.'), ttl: 60, data: { mname: 'ns.test', rname: 'hostmaster.test', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 } }] : [];
      res.end(packet.encode({ type: 'response', id: query.id ?? 0, flags, questions: [q], answers, authorities }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    port,
    queries,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
