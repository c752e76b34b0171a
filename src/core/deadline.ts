/** How a network exchange with a deadline ended. */
export type Deadlined<T> = { ok: true; value: T } | { ok: false; timedOut: boolean; error: Error };

/**
 * Runs `work` with an abort signal that fires after `ms`, and says whether a
 * failure was the deadline or something else, so callers can name it
 * ("no answer within 4000 ms" rather than "aborted").
 */
export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<Deadlined<T>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  try {
    return { ok: true, value: await work(controller.signal) };
  } catch (err) {
    return { ok: false, timedOut, error: err instanceof Error ? err : new Error(String(err)) };
  } finally {
    clearTimeout(timer);
  }
}
