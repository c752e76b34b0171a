import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../core/engine.js';
import type { IpData } from '../core/ip/ip-data.js';
import { lookupIp, providerForIp, type IpAnswer } from '../core/ip-lookup.js';
import { parseIPv4Bytes, parseIp } from '../core/ip/parse-ip.js';
import { specialV4 } from '../core/ip/special-ranges.js';
import { ByteWriter } from './output.js';
import { jsonText } from './terminal-text.js';

const COLUMNS = { ip: 18, asn: 10, provider: 36 };
const JSON_HEAD = Buffer.from('{"ip":"');
/** Node reads pipes and files in chunks of this size when data is waiting. */
const BULK_READ = 65536;

function tableRow(a: IpAnswer): string {
  const provider = a.provider === null ? (a.reserved ?? '-') : a.provider.service === undefined ? a.provider.name : `${a.provider.name} (${a.provider.service})`;
  return `${a.ip.padEnd(COLUMNS.ip)}  ${(a.asn === null ? '-' : `AS${a.asn}`).padEnd(COLUMNS.asn)}  ${provider.padEnd(COLUMNS.provider)}  ${a.org ?? '-'}\n`;
}

/**
 * Answers one address per line. IPv4, the bulk case, takes a fast path over
 * the input bytes: numeric parse, two table lookups, the address bytes copied
 * through, and the rest of the row (pre-encoded once per network and
 * published range) copied after. No string is made for such a line.
 */
class IpAnswerer {
  /** Encoded row tails by answer index (network and published range), filled as answers are met. */
  private readonly tails: (Uint8Array | undefined)[];
  private readonly specialTails = new Map<string, Uint8Array>();

  constructor(private readonly engine: Engine<IpData>, private readonly json: boolean, private readonly out: ByteWriter) {
    // Filled up front: an array grown by scattered writes falls back to slow dictionary storage.
    this.tails = new Array<Uint8Array | undefined>(engine.ip.answerCount).fill(undefined);
  }

  private tail(answer: IpAnswer): Uint8Array {
    // Rendered with an empty address, then cut just after where the address goes.
    return Buffer.from(this.json ? `${JSON.stringify(answer).slice(JSON_HEAD.length)}\n` : tableRow(answer).slice(COLUMNS.ip));
  }

  private v4Tail(n: number): Uint8Array {
    const special = specialV4(n);
    if (special !== undefined) {
      let tail = this.specialTails.get(special);
      if (tail === undefined) this.specialTails.set(special, (tail = this.tail({ ip: '', asn: null, org: null, provider: null, reserved: special })));
      return tail;
    }
    const ip = this.engine.ip;
    const answer = ip.answerV4(n);
    let tail = this.tails[answer];
    if (tail === undefined) {
      const network = ip.networkAt(ip.answerNetwork(answer));
      tail = this.tail({ ip: '', asn: network?.asn ?? null, org: network?.org ?? null, provider: providerForIp(this.engine, ip.answerPublished(answer), network?.asn) });
      this.tails[answer] = tail;
    }
    return tail;
  }

  /** Writes the row for input[start, end); false when it is not an IP address. */
  row(input: Uint8Array, start: number, end: number): boolean {
    const n = parseIPv4Bytes(input, start, end);
    if (n >= 0) {
      const tail = this.v4Tail(n);
      if (this.json) this.out.bytes(JSON_HEAD);
      this.out.slice(input, start, end);
      if (!this.json) this.out.spaces(COLUMNS.ip - (end - start));
      this.out.bytes(tail);
      return true;
    }
    const ip = parseIp(Buffer.from(input.buffer, input.byteOffset + start, end - start).toString('utf8'));
    if (ip === undefined) return false;
    const answer = lookupIp(this.engine, ip);
    this.out.text(this.json ? `${JSON.stringify(answer)}\n` : tableRow(answer));
    return true;
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13;
/** No address is longer than this (an IPv6 literal with a zone); a longer line is refused, not buffered. */
const MAX_LINE = 256;

/**
 * Calls `line` with the bounds of each line, blanks around it trimmed, and
 * `tooLong` for a line past MAX_LINE (whose rest is skipped to its newline);
 * returns the unfinished tail, never longer than MAX_LINE, so input without
 * newlines costs linear time and constant memory.
 */
class LineSplitter {
  private skipping = false;

  constructor(private readonly line: (data: Buffer, start: number, end: number) => void, private readonly tooLong: () => void) {}

  feed(data: Buffer): Buffer {
    let start = 0;
    for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) {
      if (this.skipping) this.skipping = false;
      else {
        let s = start;
        let e = i;
        while (s < e && isSpace(data[s]!)) s++;
        while (e > s && isSpace(data[e - 1]!)) e--;
        if (e - s > MAX_LINE) this.tooLong();
        else this.line(data, s, e);
      }
      start = i + 1;
    }
    const rest = data.subarray(start);
    if (this.skipping || rest.length <= MAX_LINE) return this.skipping ? Buffer.alloc(0) : rest;
    this.tooLong();
    this.skipping = true;
    return Buffer.alloc(0);
  }
}

/** Returns the exit status: 0, or 2 when some input was not an IP address (each named on stderr). */
export async function ipCommand(engine: Engine<IpData>, ips: string[], json: boolean, stdin: Readable, stdout: Writable, stderr: Writable): Promise<number> {
  const out = new ByteWriter(stdout);
  const answerer = new IpAnswerer(engine, json, out);
  let bad = 0;
  let lineNo = 0;
  const where = () => `${ips.length > 0 ? 'argument' : 'line'} ${lineNo}`;
  const answer = (data: Uint8Array, start: number, end: number) => {
    lineNo++;
    if (start === end || answerer.row(data, start, end)) return;
    bad++;
    const text = Buffer.from(data.buffer, data.byteOffset + start, Math.min(end - start, 100)).toString('utf8');
    stderr.write(`whoserves: ${where()}: not an IP address: ${jsonText(text, 0)}\n`);
  };
  const tooLong = () => {
    lineNo++;
    bad++;
    stderr.write(`whoserves: ${where()}: longer than ${MAX_LINE} characters, not an IP address\n`);
  };
  if (!json) out.text(`${'IP'.padEnd(COLUMNS.ip)}  ${'ASN'.padEnd(COLUMNS.asn)}  ${'PROVIDER'.padEnd(COLUMNS.provider)}  ORGANISATION\n`);
  const splitter = new LineSplitter(answer, tooLong);
  const feed = (data: Buffer) => splitter.feed(data);
  if (ips.length > 0) feed(Buffer.from(`${ips.join('\n')}\n`));
  else {
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of stdin as AsyncIterable<Buffer>) {
      rest = feed(rest.length === 0 ? chunk : Buffer.concat([rest, chunk]));
      // A short read means the input is arriving slowly (a person, a pipe from a live log):
      // answer now. Full reads mean bulk input: batch.
      await (chunk.length < BULK_READ ? out.flush() : out.drain());
    }
    if (rest.length > 0) feed(Buffer.concat([rest, Buffer.from('\n')]));
  }
  await out.flush();
  return bad > 0 ? 2 : 0;
}
