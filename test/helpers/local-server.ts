import * as packet from '@leichtgewicht/dns-packet';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

// Servers on 127.0.0.1 for the CLI's security tests: each records every
// request that reaches it (so a test can show that none did), and the
// misbehaviours a hostile site, resolver or registry can show: a trickle of
// one byte at a time, a flood of tens of megabytes, a redirect elsewhere.

export interface LocalServer {
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `METHOD host/path` of every request that reached this server. */
  requests: string[];
  /** How long each closed connection stayed open, in milliseconds (measured here, so the client's start-up is not in it). */
  connectionSpans: number[];
  close(): Promise<void>;
}

/** Records how long each connection to `server` stays open. */
function recordSpans(server: { on(event: 'connection', listener: (socket: Socket) => void): unknown }): number[] {
  const spans: number[] = [];
  server.on('connection', (socket) => {
    const opened = performance.now();
    socket.once('close', () => spans.push(performance.now() - opened));
  });
  return spans;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, server: LocalServer) => void | Promise<void>;

export async function startLocalServer(handle: Handler): Promise<LocalServer> {
  const requests: string[] = [];
  let self: LocalServer | undefined;
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.headers.host ?? ''}${req.url ?? ''}`);
    void Promise.resolve(handle(req, res, self!)).catch(() => res.destroy());
  });
  const connectionSpans = recordSpans(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  self = {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    connectionSpans,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}

export const TRICKLE_MS = 300;

/** Sends the status line and headers, then one byte of body every 300 ms, for ever: an answer that never completes. */
export function trickleBody(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(200, headers);
  res.flushHeaders();
  const timer = setInterval(() => res.write(' '), TRICKLE_MS);
  res.on('close', () => clearInterval(timer));
}

/**
 * A site whose response headers never end: a raw TCP server that sends the
 * status line and then one byte of a header every 300 ms. Records connections.
 */
export async function startTrickleSite(): Promise<{ port: number; connections: number; connectionSpans: number[]; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const state = { port: 0, connections: 0, connectionSpans: [] as number[], close: async () => undefined as void };
  const server = createTcpServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.write('HTTP/1.1 200 OK\r\nx-slow: ');
    const timer = setInterval(() => socket.write('a'), TRICKLE_MS);
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
    });
  });
  state.connectionSpans = recordSpans(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

/**
 * Answers 200 with `total` bytes of `fill`, without a Content-Length (so the
 * client cannot refuse it up front), as fast as the client reads. Returns how
 * many bytes the client took before it hung up.
 */
export function flood(res: ServerResponse, headers: Record<string, string>, total: number, fill = 0x20): Promise<number> {
  res.writeHead(200, headers);
  const chunk = Buffer.alloc(64 * 1024, fill);
  return new Promise((resolve) => {
    let sent = 0;
    let closed = false;
    res.on('close', () => {
      closed = true;
      resolve(sent);
    });
    res.on('error', () => undefined);
    const pump = () => {
      while (!closed && sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!closed) res.end();
    };
    pump();
  });
}

/** The question of a DNS-over-HTTPS request (GET ?dns= or POST), or undefined. */
export async function dohQuestion(req: IncomingMessage): Promise<packet.Question | undefined> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let wire: Buffer;
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    wire = Buffer.concat(chunks);
  } else wire = Buffer.from(url.searchParams.get('dns') ?? '', 'base64url');
  try {
    return packet.decode(wire).questions?.[0];
  } catch {
    return undefined;
  }
}

/** Answers a DoH question with these records (NOERROR; an empty list is "no such record"), each with this TTL. */
export function dohAnswer(res: ServerResponse, q: packet.Question, answers: packet.Answer[]): void {
  res.writeHead(200, { 'content-type': 'application/dns-message' });
  res.end(packet.encode({ type: 'response', id: 0, flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE, questions: [q], answers }));
}

/**
 * A DoH resolver whose answers a test writes as a function of the question
 * and how many times it was asked (for DNS rebinding: public first, then a
 * local address). Unknown names get an empty answer.
 */
export function startDoh(answer: (name: string, type: string, asked: number) => packet.Answer[]): Promise<LocalServer & { queries: string[] }> {
  const queries: string[] = [];
  const counts = new Map<string, number>();
  return startLocalServer(async (req, res) => {
    const q = await dohQuestion(req);
    if (q === undefined) return void res.writeHead(400).end();
    const key = `${q.type} ${q.name.toLowerCase()}`;
    queries.push(key);
    const asked = (counts.get(key) ?? 0) + 1;
    counts.set(key, asked);
    dohAnswer(res, q, answer(q.name.toLowerCase(), q.type, asked));
  }).then((server) => Object.assign(server, { queries }));
}

/** An A record, with a TTL of 0 unless given (so no cache hides a second answer). */
export const a = (name: string, ip: string, ttl = 0): packet.Answer => ({ type: 'A', name, ttl, data: ip });
