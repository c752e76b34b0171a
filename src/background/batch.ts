/**
 * Items handed over together: `apply` gets every item added since it last
 * ran, at most `delayMs` after the first, or at once when `flush()` is called
 * (by whoever must see them applied first). Sub-resource responses come by
 * the dozen per page; one update per batch costs a fraction of one per
 * response. `apply` must start its work before returning (it is called in
 * the caller's turn, so what flush() applies comes before what follows it).
 */
export class Batch<T> {
  private items: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly apply: (items: T[]) => Promise<unknown>, private readonly delayMs: number) {}

  add(item: T): void {
    this.items.push(item);
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.items.length === 0) return Promise.resolve();
    const items = this.items;
    this.items = [];
    return this.apply(items).then(
      () => undefined,
      (err: unknown) => console.error('whoserves: could not record responses', err),
    );
  }
}
