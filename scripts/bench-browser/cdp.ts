import type { Readable, Writable } from 'node:stream';
import type { ProtocolMapping } from 'devtools-protocol/types/protocol-mapping.js';

type Commands = ProtocolMapping.Commands;
type Events = ProtocolMapping.Events;
type EventParams<E extends keyof Events> = Events[E] extends [infer P] ? P : undefined;

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

/**
 * The Chrome DevTools Protocol over `--remote-debugging-pipe` (NUL-separated
 * JSON on fds 3 and 4), with flattened sessions. The benchmark speaks it
 * directly rather than through Playwright so that nothing attaches to the
 * extension's worker unless a measure asks: Playwright auto-attaches to every
 * new worker and holds it until Node answers, which would sit inside every
 * cold start being timed.
 */
export class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
  private readonly listeners = new Set<(m: Message) => void>();
  private buffer = '';
  private closed = false;

  constructor(private readonly out: Writable, input: Readable) {
    out.on('error', () => undefined); // a write after the browser has gone; the read side reports its end
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      const parts = (this.buffer + chunk).split('\0');
      this.buffer = parts.pop() ?? '';
      for (const part of parts) this.dispatch(JSON.parse(part) as Message);
    });
    input.on('close', () => {
      this.closed = true;
      for (const { reject, method } of this.pending.values()) reject(new Error(`browser closed during ${method}`));
      this.pending.clear();
    });
  }

  send<M extends keyof Commands>(method: M, ...[params, sessionId]: SendArgs<M>): Promise<Commands[M]['returnType']> {
    if (this.closed) return Promise.reject(new Error(`browser closed before ${method}`));
    const id = this.nextId++;
    this.out.write(`${JSON.stringify({ id, method, params: params ?? {}, ...(sessionId === undefined ? {} : { sessionId }) })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method }));
  }

  /** Calls `handler` for every `event` (of one session, if given) until the returned function is called. */
  private on<E extends keyof Events>(event: E, handler: (params: EventParams<E>) => void, sessionId?: string): () => void {
    const listener = (m: Message) => {
      if (m.method === event && (sessionId === undefined || m.sessionId === sessionId)) handler(m.params as EventParams<E>);
    };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next `event` (of one session, if given) that satisfies `accept`. */
  waitFor<E extends keyof Events>(event: E, accept: (params: EventParams<E>) => boolean = () => true, sessionId?: string, timeoutMs = 30_000): Promise<EventParams<E>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.on(event, (params) => {
        if (!accept(params)) return;
        clearTimeout(timer);
        off();
        resolve(params);
      }, sessionId);
    });
  }

  /** Evaluates an expression in a session's main context and returns its (awaited) JSON value. */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (exceptionDetails !== undefined) throw new Error(`${expression.slice(0, 80)}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined) {
      const call = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error !== undefined) call?.reject(new Error(`${call.method}: ${m.error.message}`));
      else call?.resolve(m.result);
      return;
    }
    for (const listener of this.listeners) listener(m);
  }
}

// Commands whose parameters are all optional may be sent without them; a session id may follow.
type SendArgs<M extends keyof Commands> = Commands[M]['paramsType'] extends [] ? [params?: undefined, sessionId?: string]
  : Commands[M]['paramsType'] extends [(infer P)?] ? [params?: P, sessionId?: string]
  : Commands[M]['paramsType'] extends [infer P] ? [params: P, sessionId?: string]
  : never;
