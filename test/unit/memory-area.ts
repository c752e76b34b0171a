import type { StorageArea } from '../../src/background/session-store.js';

/** A storage area in memory, as the worker's stores see storage.session, that counts its writes and size. */
export class MemoryArea implements StorageArea {
  readonly data = new Map<string, unknown>();
  writes = 0;
  async get(key: string) {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }
  async set(items: Record<string, unknown>) {
    this.writes++;
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string[]) {
    for (const k of keys) this.data.delete(k);
  }
  bytes(): number {
    let n = 0;
    for (const [k, v] of this.data) n += k.length + JSON.stringify(v).length;
    return n;
  }
}
