import { UsageError } from './usage.js';

/** One JSON value cut from the input, and whether it was an element of a top-level array. */
export interface StreamedValue {
  text: string;
  inArray: boolean;
  /** 0-based: the element's index in the array, or the value's in a stream of values. */
  index: number;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/**
 * Cuts JSON input into values as it streams in, holding at most one value in
 * memory: a top-level array gives its elements one by one; anything else is a
 * sequence of values (one object, or JSON lines). Only the cutting happens
 * here (strings and nesting are tracked); each value is parsed on its own by
 * the caller. A value longer than `maxBytes` is refused, by its position.
 */
export async function* jsonValues(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<StreamedValue> {
  let mode: 'start' | 'values' | 'array' | 'end' = 'start';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let open = false;
  let parts: Buffer[] = [];
  let size = 0;
  let index = 0;
  const where = () => `${mode === 'array' ? 'element' : 'value'} ${index}`;

  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    const out: StreamedValue[] = [];
    let start = open ? 0 : -1;
    const close = (end: number) => {
      parts.push(chunk.subarray(start, end));
      out.push({ text: Buffer.concat(parts).toString('utf8'), inArray: mode === 'array', index: index++ });
      parts = [];
      size = 0;
      open = false;
      start = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (open && inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (!open) {
        if (isSpace(c)) continue;
        if (mode === 'start') {
          mode = c === 0x5b ? 'array' : 'values';
          if (mode === 'array') continue;
        }
        if (mode === 'end') throw new UsageError('unexpected input after the array');
        if (mode === 'array' && c === 0x5d) {
          mode = 'end';
          continue;
        }
        if (mode === 'array' && c === COMMA) continue;
        open = true;
        start = i;
        depth = 0;
      }
      if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth < 0) {
          // The array's own closing bracket ends its last element when that is a bare scalar.
          if (mode !== 'array' || c !== 0x5d) throw new UsageError(`${where()}: unbalanced ${String.fromCharCode(c)}`);
          close(i);
          mode = 'end';
        } else if (depth === 0) close(i + 1);
      } else if (depth === 0 && (c === COMMA || isSpace(c))) close(i);
    }
    if (open) {
      parts.push(chunk.subarray(start));
      size += chunk.length - start;
      if (size > maxBytes) throw new UsageError(`${where()}: larger than ${maxBytes} bytes`);
    }
    yield* out;
  }
  if (open) {
    if (inString || depth > 0) throw new UsageError(`${where()}: the input ends in the middle of it`);
    yield { text: Buffer.concat(parts).toString('utf8'), inArray: mode === 'array', index: index++ };
  }
  if (mode === 'array') throw new UsageError('the input ends before the array is closed');
}
