import { UsageError } from './usage.js';

/** One JSON value cut from the input, and whether it was an element of a top-level array. */
export interface StreamedValue {
  text: string;
  inArray: boolean;
  /** 0-based: the element's index in the array, or the value's in a stream of values. */
  index: number;
}

/** How a problem with a value names it: `element 3: `, `value 2: `, or nothing for the first of a stream (often the only one). */
export function valueLabel(inArray: boolean, index: number): string {
  return inArray ? `element ${index}: ` : index > 0 ? `value ${index}: ` : '';
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Cuts JSON input into values as it streams in, holding at most one value in
 * memory: a top-level array gives its elements one by one; anything else is a
 * sequence of values separated by white space (one object, or JSON lines).
 * Only the cutting happens here (strings, nesting and the array's commas are
 * tracked); each value is parsed on its own by the caller. A value longer than
 * `maxBytes` is refused, by its position.
 */
export async function* jsonValues(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<StreamedValue> {
  let mode: 'start' | 'values' | 'array' | 'end' = 'start';
  // Between two elements of the array: one just ended (a comma or ] must follow), or a comma was read (an element must follow).
  let elementEnded = false;
  let commaRead = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let open = false;
  let parts: Buffer[] = [];
  let size = 0;
  let index = 0;
  const problem = (what: string) => new UsageError(`${valueLabel(mode === 'array', index)}${what}`);
  const invalid = (what: string) => problem(`not valid JSON: ${what}`);

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
      elementEnded = true;
      commaRead = false;
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
          mode = c === OPEN_ARRAY ? 'array' : 'values';
          if (mode === 'array') continue;
        }
        if (mode === 'end') throw new UsageError('not valid JSON: there is more input after the array');
        if (mode === 'array') {
          if (c === CLOSE_ARRAY) {
            if (commaRead) throw invalid('a comma before the closing ]');
            mode = 'end';
            continue;
          }
          if (c === COMMA) {
            if (!elementEnded) throw invalid('a comma where an element should be');
            elementEnded = false;
            commaRead = true;
            continue;
          }
          if (elementEnded) throw invalid(`no comma after element ${index - 1}`);
        } else if (c === COMMA) throw invalid('a comma between values (give one JSON value per line, or an array)');
        open = true;
        start = i;
        depth = 0;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth < 0) {
          // The array's own closing bracket ends its last element when that is a bare scalar.
          if (mode !== 'array' || c !== CLOSE_ARRAY) throw invalid(`an unmatched ${String.fromCharCode(c)}`);
          close(i);
          mode = 'end';
        } else if (depth === 0) close(i + 1);
      } else if (depth === 0 && (c === COMMA || isSpace(c))) {
        // A bare scalar ends at the first comma or blank after it.
        close(i);
        if (c === COMMA) {
          if (mode !== 'array') throw invalid('a comma between values (give one JSON value per line, or an array)');
          elementEnded = false;
          commaRead = true;
        }
      }
    }
    if (open) {
      parts.push(chunk.subarray(start));
      size += chunk.length - start;
      if (size > maxBytes) throw problem(`larger than ${maxBytes} bytes; no observation is`);
    }
    yield* out;
  }
  if (open) {
    if (inString || depth > 0) throw invalid('the input ends inside it');
    yield { text: Buffer.concat(parts).toString('utf8'), inArray: mode === 'array', index: index++ };
  }
  if (mode === 'array') throw new UsageError('not valid JSON: the input ends before the array is closed');
}
