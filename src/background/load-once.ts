/**
 * A load run once per worker life and shared by every caller; a failed load
 * is forgotten, so the next caller tries again, and `forget` drops a loaded
 * value that has gone stale.
 */
export function loadOnce<T>(load: () => Promise<T>): { (): Promise<T>; forget(): void } {
  let loading: Promise<T> | undefined;
  const get = () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
  return Object.assign(get, {
    forget() {
      loading = undefined;
    },
  });
}
