/** The part of a storage area the store uses: storage.session in the worker, a Map in tests. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Records kept in storage.session under `<prefix><key>`, so they survive the
 * MV3 worker being stopped, with an in-memory copy for speed.
 *
 * Updates to one key run one after another (the read-modify-write races the
 * browser would otherwise allow), and writes are coalesced: a burst of
 * webRequest events for a tab costs one storage write, not one per event.
 */
/** Returned by an update that changed nothing: no write is scheduled. */
export const UNCHANGED = Symbol('unchanged');

export class SessionStore<T> {
  private readonly memory = new Map<string, T | undefined>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Serialised size of each key written or read in this worker life, least recently written first. */
  private readonly sizes = new Map<string, number>();
  private totalBytes = 0;

  /**
   * `maxBytes`: a budget for all of this store's keys together, below the
   * storage area's quota (storage.session holds 10 MB in Chrome). Past it, the
   * least recently written keys are dropped: a tab whose record is dropped
   * asks for a reload, which is better than a write the quota refuses.
   */
  constructor(private readonly prefix: string, private readonly area: StorageArea, private readonly flushDelayMs = 250, private readonly maxBytes = Number.POSITIVE_INFINITY) {}

  private noteSize(key: string, value: T | undefined): void {
    this.totalBytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
    if (value === undefined) return;
    const size = JSON.stringify(value).length;
    this.sizes.set(key, size);
    this.totalBytes += size;
  }

  /** The bytes this store believes it keeps (what it wrote or read in this worker life). */
  get bytes(): number {
    return this.totalBytes;
  }

  private storageKey(key: string): string {
    return `${this.prefix}${key}`;
  }

  private async load(key: string): Promise<T | undefined> {
    if (this.memory.has(key)) return this.memory.get(key);
    const k = this.storageKey(key);
    const stored = (await this.area.get(k))[k] as T | undefined;
    // Another update may have filled memory while we waited.
    if (!this.memory.has(key)) this.memory.set(key, stored);
    return this.memory.get(key);
  }

  async get(key: string): Promise<T | undefined> {
    await this.queues.get(key);
    return this.load(key);
  }

  /** Applies `change` to the current record; returning undefined deletes it, UNCHANGED leaves it unwritten. */
  update(key: string, change: (current: T | undefined) => T | undefined | typeof UNCHANGED, { flushNow = false } = {}): Promise<void> {
    const run = async () => {
      const next = change(await this.load(key));
      if (next === UNCHANGED) return;
      this.memory.set(key, next);
      this.dirty.add(key);
      if (flushNow) await this.flush();
      else this.scheduleFlush();
    };
    const queued = (this.queues.get(key) ?? Promise.resolve()).then(run, run);
    const tail = queued.catch((err: unknown) => console.error('whoserves: session update failed', err));
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return queued;
  }

  delete(key: string): Promise<void> {
    return this.update(key, () => undefined, { flushNow: true });
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => void this.flush(), this.flushDelayMs);
  }

  async flush(): Promise<void> {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const set: Record<string, T> = {};
    const remove: string[] = [];
    if (this.maxBytes !== Number.POSITIVE_INFINITY) {
      for (const key of this.dirty) this.noteSize(key, this.memory.get(key));
      for (const [key] of this.sizes) {
        if (this.totalBytes <= this.maxBytes || this.sizes.size <= 1) break;
        this.noteSize(key, undefined);
        this.memory.set(key, undefined);
        this.dirty.add(key);
      }
    }
    for (const key of this.dirty) {
      const value = this.memory.get(key);
      if (value === undefined) remove.push(this.storageKey(key));
      else set[this.storageKey(key)] = value;
    }
    this.dirty.clear();
    await Promise.all([
      Object.keys(set).length > 0 ? this.area.set(set) : undefined,
      remove.length > 0 ? this.area.remove(remove) : undefined,
    ]);
    // Forget deleted keys only once storage agrees, so a load in between cannot revive them.
    for (const k of remove) {
      const key = k.slice(this.prefix.length);
      if (this.memory.get(key) === undefined && !this.dirty.has(key)) this.memory.delete(key);
    }
  }
}
