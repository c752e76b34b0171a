import type { Writable } from 'node:stream';

const CHUNK = 1 << 20;

/**
 * Output assembled as bytes in large buffers: a row is copied in as
 * pre-encoded pieces instead of being built as a string, and a million rows
 * cost a dozen writes. `drain` waits when the pipe is full, so memory stays flat.
 */
export class ByteWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  constructor(private readonly out: Writable) {}

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  spaces(count: number): void {
    if (count <= 0) return;
    this.room(count);
    for (let i = 0; i < count; i++) this.buf[this.pos++] = 32;
  }

  /** Copies a short piece, data[start, end): a plain loop, cheaper than making a subarray to set(). */
  slice(data: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = start; i < end; i++) buf[pos++] = data[i]!;
    this.pos = pos;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /** Any text, UTF-8 encoded. */
  text(text: string): void {
    this.room(Buffer.byteLength(text));
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  async drain(): Promise<void> {
    if (this.pos >= CHUNK / 2) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pos === 0) return;
    // Copy out what is ready and keep the buffer: cheaper than a fresh megabyte per write.
    const chunk = Buffer.from(this.buf.subarray(0, this.pos));
    this.pos = 0;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}
