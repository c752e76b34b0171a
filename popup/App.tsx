import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../src/messages.js';
import type { View } from '../src/core/view.js';
import { resolveSubject, type Subject } from './subject.js';
import { t } from './i18n.js';
import { ReportView } from './components/ReportView.js';
import { StateView } from './components/StateView.js';
import { Notice } from './components/Notice.js';
import { useLiveLookup } from './use-live-lookup.js';
import { SearchBox } from './components/SearchBox.js';
import { CopyReport } from './components/CopyReport.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; subject: Subject; view: View };

function fetchView(subject: Subject): Promise<View> {
  return subject.kind === 'tab' ? send('tabView', { tabId: subject.tabId }) : send('hostView', { input: subject.host });
}

/** Reloads the tab and resolves once it has finished loading, so the new answer is there to fetch. */
function reloadTab(tabId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id !== tabId || change.status !== 'complete') return;
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.reload(tabId).catch((err: unknown) => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      reject(err);
    });
  });
}

function Footer() {
  return (
    <footer class="footer">
      <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>{t('aboutLink')}</button>
    </footer>
  );
}

export function App({ initial }: { initial: Subject | undefined }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // What the person chose in the search box replaces what the popup was opened for.
  const [chosen, setChosen] = useState<Subject | undefined>(initial);

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    (async () => {
      const subject = chosen ?? (await resolveSubject());
      const view = await fetchView(subject);
      if (live) setLoad({ status: 'ready', subject, view });
    })().catch((err: unknown) => {
      if (live) setLoad({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      live = false;
    };
  }, [attempt, chosen]);

  const retry = () => setAttempt((n) => n + 1);
  const ready = load.status === 'ready' ? load : undefined;
  const { live, liveView } = useLiveLookup(ready?.subject, ready?.view);
  const search = <SearchBox onLookup={(input) => setChosen({ kind: 'host', host: input })} />;

  if (load.status === 'loading') {
    return (
      <>
        {search}
        <div class="loading" aria-busy="true" aria-label={t('loading')}>
          <div class="skeleton skeleton-title" />
          <div class="skeleton skeleton-line" />
          <div class="skeleton skeleton-card" />
        </div>
      </>
    );
  }
  if (load.status === 'error') {
    return <>{search}<Notice tone="error" title={t('errorTitle')} body={load.message} action={{ label: t('retry'), run: retry }} /></>;
  }
  const { subject, view } = load;
  const lookup = subject.kind === 'host';
  const reload = subject.kind === 'tab' ? () => {
    setLoad({ status: 'loading' });
    reloadTab(subject.tabId).then(retry, (err: unknown) => setLoad({ status: 'error', message: String(err) }));
  } : undefined;
  // The live answer, once it arrives, replaces the offline report; a page the browser never showed us still keeps its notice.
  const report = liveView?.state === 'report' ? liveView : view.state === 'report' ? view : undefined;
  if (view.state !== 'report' && report === undefined) return <>{search}<StateView view={view} reload={reload} live={live} /><Footer /></>;
  if (report === undefined) return null;
  return (
    <>
      {search}
      {view.state !== 'report' && <StateView view={view} reload={reload} live={live} compact />}
      <ReportView view={report} lookup={lookup} live={live} />
      <CopyReport view={report} />
      <Footer />
    </>
  );
}
