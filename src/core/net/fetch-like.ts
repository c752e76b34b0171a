// The part of fetch that core's network clients (DoH, RDAP) need. The worker
// passes the browser's fetch, guarded so it never reaches the person's own
// network; the CLI passes one over Node's http(s) with the same guard; tests
// pass Node's fetch or a fake.

export interface FetchInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
}

export interface BodyReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

export interface FetchResponse {
  ok: boolean;
  status: number;
  /** Where the answer came from after redirects. */
  url?: string;
  headers: { get(name: string): string | null };
  /** The body as a stream, so a reader can stop at a size cap; absent where the platform has none. */
  body?: { getReader(): BodyReader } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** A body larger than the reader's cap: it stopped reading there. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
  }
}

/**
 * Reads a response body, stopping as soon as it passes `maxBytes`: a server
 * that answers with gigabytes costs us at most the cap. A declared
 * Content-Length over the cap is refused before reading anything.
 */
export async function readCapped(res: FetchResponse, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  const reader = res.body?.getReader();
  if (declared > maxBytes) {
    await reader?.cancel().catch(() => undefined);
    throw new BodyTooLarge(maxBytes);
  }
  if (reader === undefined) {
    const whole = new Uint8Array(await res.arrayBuffer());
    if (whole.length > maxBytes) throw new BodyTooLarge(maxBytes);
    return whole;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value === undefined) continue;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
