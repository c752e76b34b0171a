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
export class SessionStore<T> {
  private readonly memory = new Map<string, T | undefined>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly prefix: string, private readonly area: StorageArea, private readonly flushDelayMs = 250) {}

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

  /** Applies `change` to the current record; returning undefined deletes it. */
  update(key: string, change: (current: T | undefined) => T | undefined, { flushNow = false } = {}): Promise<void> {
    const run = async () => {
      const next = change(await this.load(key));
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
