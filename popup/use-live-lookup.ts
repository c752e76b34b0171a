import { useEffect, useState } from 'preact/hooks';
import { send } from '../src/messages.js';
import type { View } from '../src/core/view.js';
import type { LiveStatus } from './components/ReportView.js';
import type { Subject } from './subject.js';
import { t } from './i18n.js';

/** The host a view is about, when a live lookup can add to it. */
function hostOf(view: View): string | undefined {
  return view.state === 'report' || view.state === 'unseen' || view.state === 'no-response' ? view.host : undefined;
}

/**
 * Starts the live DNS lookup once the offline answer is shown, and gives the
 * richer view when it arrives. The offline answer stays on screen meanwhile,
 * and if the lookup fails.
 */
export function useLiveLookup(subject: Subject | undefined, view: View | undefined): { live: LiveStatus; liveView: View | undefined } {
  const [state, setState] = useState<{ live: LiveStatus; liveView: View | undefined }>({ live: { status: 'pending' }, liveView: undefined });
  const [attempt, setAttempt] = useState(0);
  const host = view === undefined ? undefined : hostOf(view);
  const tabId = subject?.kind === 'tab' ? subject.tabId : undefined;

  useEffect(() => {
    if (host === undefined) return undefined;
    let current = true;
    const fail = (message: string) => setState({ live: { status: 'failed', message, retry: () => setAttempt((n) => n + 1) }, liveView: undefined });
    setState({ live: { status: 'pending' }, liveView: undefined });
    send('liveView', tabId === undefined ? { input: host } : { input: host, tabId }).then(
      (result) => {
        if (!current) return;
        if (result.state === 'off') setState({ live: { status: 'off' }, liveView: undefined });
        else if (result.state === 'done') setState({ live: { status: 'done' }, liveView: result.view });
        else fail(result.errors.map((e) => `${e.query}: ${e.error}`).join('; ') || t('dnsNothing'));
      },
      (err: unknown) => {
        if (current) fail(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      current = false;
    };
  }, [host, tabId, attempt]);

  return state;
}
