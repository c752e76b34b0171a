// The shards a worker has loaded: least recently used first out, bounded by
// bytes, each shard fetched once however many callers ask for it at once.
//
// A shard stays while a caller holds it (between acquire and release), even
// over the bound; eviction happens only when a shard comes in, never on
// release, so what a caller has just acquired is still there when it looks
// its addresses up straight after.

export class ShardCache<T extends { byteLength: number }> {
  /** Loaded shards, least recently used first (a Map keeps insertion order). */
  private readonly entries = new Map<string, T>();
  private readonly loading = new Map<string, Promise<T>>();
  private readonly holds = new Map<string, number>();
  private total = 0;

  constructor(private readonly maxBytes: number, private readonly load: (name: string) => Promise<T>) {}

  /** Bytes of the shards now loaded. */
  get bytes(): number {
    return this.total;
  }

  /** A loaded shard, now the most recently used; undefined when not loaded. */
  get(name: string): T | undefined {
    const value = this.entries.get(name);
    if (value !== undefined) {
      this.entries.delete(name);
      this.entries.set(name, value);
    }
    return value;
  }

  /**
   * Holds these shards and loads the ones missing; rejects with the first
   * failure. Every acquire needs a release of the same names, failed or not.
   */
  acquire(names: readonly string[]): Promise<void> {
    for (const name of names) this.holds.set(name, (this.holds.get(name) ?? 0) + 1);
    return Promise.all(names.map((name) => (this.get(name) === undefined ? this.loadOnce(name) : undefined))).then(() => undefined);
  }

  release(names: readonly string[]): void {
    for (const name of names) {
      const n = (this.holds.get(name) ?? 0) - 1;
      if (n > 0) this.holds.set(name, n);
      else this.holds.delete(name);
    }
  }

  private loadOnce(name: string): Promise<T> {
    let pending = this.loading.get(name);
    if (pending === undefined) {
      pending = this.load(name).then(
        (value) => {
          this.loading.delete(name);
          this.entries.set(name, value);
          this.total += value.byteLength;
          this.evict();
          return value;
        },
        (err: unknown) => {
          this.loading.delete(name); // the next caller tries again
          throw err;
        },
      );
      this.loading.set(name, pending);
    }
    return pending;
  }

  private evict(): void {
    for (const [name, value] of this.entries) {
      if (this.total <= this.maxBytes) return;
      if (this.holds.has(name)) continue;
      this.entries.delete(name);
      this.total -= value.byteLength;
    }
  }
}
