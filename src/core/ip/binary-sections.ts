// The layout every compiled IP file shares: a header of HEADER_WORDS unsigned
// 32-bit little-endian words (magic, format, then counts), 32-bit sections
// back to back, then raw bytes. Reading views the sections in place, so
// loading a file costs its fetch and nothing more.

/** Bumped whenever any compiled IP file changes shape; files of another format are refused. */
export const FORMAT = 5;
export const HEADER_WORDS = 8;

/** FNV-1a over numbers (words or bytes): ties files built together (a shard to its index, ipdata6.bin to ipdata.bin). */
export function hashWords(words: ArrayLike<number>): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
  return h;
}

/** Lays out a header, 32-bit sections back to back, then raw byte strings. */
export function pack(magic: number, header: readonly number[], words: readonly ArrayLike<number>[], tail: readonly Uint8Array[] = []): Uint8Array {
  if (header.length > HEADER_WORDS - 2) throw new Error('header too long');
  const head = [magic, FORMAT, ...header, ...new Array<number>(HEADER_WORDS - 2 - header.length).fill(0)];
  const sections = [head, ...words];
  const wordCount = sections.reduce((n, w) => n + w.length, 0);
  const tailLength = tail.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(wordCount * 4 + tailLength);
  const view = new Uint32Array(out.buffer, 0, wordCount);
  let at = 0;
  for (const w of sections) {
    view.set(w, at);
    at += w.length;
  }
  let byte = wordCount * 4;
  for (const b of tail) {
    out.set(b, byte);
    byte += b.length;
  }
  return out;
}

export interface SectionReader {
  /** The header words after magic and format. */
  header: Uint32Array;
  /** The next `count` words. */
  words(count: number): Uint32Array;
  /** The next `length` bytes. */
  bytes(length: number): Uint8Array;
  /** Throws unless every byte was read: a longer file is as damaged as a shorter one. */
  end(): void;
}

/**
 * Views a compiled file's sections in place (copying only when the bytes are
 * not 4-byte aligned). Every problem is an error naming the file: too short,
 * another kind of file, another format, truncated.
 */
export function readSections(input: Uint8Array, magic: number, name: string): SectionReader {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error(`${name}: file too short`);
  let offset = 0;
  const words = (count: number) => {
    if (offset + count * 4 > bytes.byteLength) throw new Error(`${name}: truncated`);
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, count);
    offset += count * 4;
    return view;
  };
  const head = words(HEADER_WORDS);
  if (head[0] !== magic) throw new Error(`${name}: not the expected whoserves IP file (or a big-endian machine)`);
  if (head[1] !== FORMAT) throw new Error(`${name}: format ${head[1]} is not ${FORMAT}; rebuild`);
  return {
    header: head.subarray(2),
    words,
    bytes(length) {
      if (offset + length > bytes.byteLength) throw new Error(`${name}: truncated`);
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length);
      offset += length;
      return view;
    },
    end() {
      if (offset !== bytes.byteLength) throw new Error(`${name}: ${bytes.byteLength - offset} bytes too many`);
    },
  };
}
