import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a whole file into fresh, unpooled memory with one read call: for the
 * megabytes of ipdata.bin, measurably cheaper than readFileSync's buffer
 * handling.
 */
export function readBinary(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafeSlow(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, buffer, done, size - done, done);
      if (n === 0) throw new Error(`${path}: file shrank while reading`);
      done += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}
