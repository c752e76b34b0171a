export interface NoticeProps {
  tone: 'info' | 'error' | 'plain';
  title: string;
  body: string;
  action?: { label: string; run: () => void } | undefined;
}

/** A titled message with at most one action. Not a live region itself: the popup announces results once (Announcer). */
export function Notice({ tone, title, body, action }: NoticeProps) {
  return (
    <section class={`notice notice-${tone}`} aria-label={title}>
      <h2 class="notice-title">{title}</h2>
      <p class="notice-body">{body}</p>
      {action !== undefined && (
        <button type="button" class="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </section>
  );
}
