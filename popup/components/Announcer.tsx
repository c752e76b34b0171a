/**
 * One polite announcement when the lookup lands, instead of a live region
 * around everything (which would read the whole popup again at every step).
 */
export function Announcer({ text }: { text: string }) {
  return (
    <p class="visually-hidden" role="status" data-announcer>
      {text}
    </p>
  );
}
