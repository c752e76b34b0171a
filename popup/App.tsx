import { useState } from 'preact/hooks';
import { ext as browser } from '../src/native-browser.js';
import type { LookupSubject } from '../src/protocol.js';
import { t } from './i18n.js';
import { useLookup } from './use-lookup.js';
import type { Lookup } from './early-lookup.js';
import { SearchBox } from './components/SearchBox.js';
import { Notice } from './components/Notice.js';
import { SiteView } from './components/SiteView.js';
import { StateNotice } from './components/StateNotice.js';
import { Waiting } from './components/Waiting.js';

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

/**
 * The popup for what it was opened over (`opened`, undefined only when that
 * could not be found out: `startProblem` says why), whose lookup `early`
 * began before the first render.
 */
export function App({ opened, early, startProblem }: { opened: LookupSubject | undefined; early?: Lookup | undefined; startProblem?: string | undefined }) {
  // A search replaces what the popup was opened for until the person goes back.
  const [searched, setSearched] = useState<LookupSubject | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | undefined>(startProblem);

  const subject = searched ?? opened;
  const state = useLookup(subject, attempt, early);
  const retry = () => setAttempt((n) => n + 1);
  const tabId = subject?.kind === 'tab' ? subject.tabId : undefined;
  const reload = tabId === undefined ? undefined : () => void reloadTab(tabId).then(retry, (err: unknown) => setProblem(String(err)));
  const lookUp = (input: string) => setSearched({ kind: 'input', input, origin: 'search' });
  const back = searched === undefined || opened === undefined ? undefined : () => setSearched(undefined);

  let body;
  if (problem !== undefined) body = <Notice tone="error" title={t('errorTitle')} body={problem} />;
  else if (state.status === 'waiting') body = <Waiting />;
  else {
    const model = state.model;
    const interrupted = state.status === 'interrupted';
    body = (
      <>
        {interrupted && <Notice tone="error" title={t('interruptedTitle')} body={t('interruptedBody')} action={{ label: t('retry'), run: retry }} />}
        {model === undefined ? null : model.kind === 'site' ? (
          <SiteView model={model} finished={state.status === 'ready' && state.finished} reload={reload} lookUp={lookUp} answerFirst />
        ) : (
          <StateNotice model={model} />
        )}
      </>
    );
  }
  return (
    <>
      <SearchBox onLookup={lookUp} back={back} />
      {body}
      <Footer />
    </>
  );
}
