import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, RESOLVER_PRESETS, readSettings, resolverProblem, type Settings } from '../src/core/settings.js';
import { dohQuery } from '../src/core/dns/doh-query.js';
import type { FetchLike } from '../src/core/net/fetch-like.js';
import { t } from '../popup/i18n.js';
import { HISTORY_STORAGE_KEY } from '../src/core/history.js';

/** A setting's checkbox, saved on change; greyed out while what it depends on is off. */
function Toggle({ checked, disabled = false, label, onChange }: { checked: boolean; disabled?: boolean; label: string; onChange: (on: boolean) => void }) {
  return (
    <label class="option">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

type Test = { status: 'idle' } | { status: 'testing' } | { status: 'ok'; ms: number } | { status: 'failed'; message: string };

async function save(settings: Settings): Promise<void> {
  await browser.storage.local.set({ settings });
}

/** Whether DNS lookups happen, and which resolver receives them; saved as soon as changed. */
export function ResolverSettings() {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [custom, setCustom] = useState('');
  const [test, setTest] = useState<Test>({ status: 'idle' });
  const [rdapServer, setRdapServer] = useState('');
  const [cleared, setCleared] = useState(false);

  useEffect(() => {
    void browser.storage.local.get('settings').then(({ settings: stored }) => {
      const s = readSettings(stored);
      setSettings(s);
      if (!RESOLVER_PRESETS.some((p) => p.url === s.resolver)) setCustom(s.resolver);
      setRdapServer(s.rdapServer);
    });
  }, []);
  if (settings === undefined) return null;

  const update = (next: Settings) => {
    setSettings(next);
    setTest({ status: 'idle' });
    void save(next);
  };
  const isCustom = !RESOLVER_PRESETS.some((p) => p.url === settings.resolver);
  const customProblem = custom === '' ? undefined : resolverProblem(custom);
  const rdapServerProblem = rdapServer === '' ? undefined : resolverProblem(rdapServer);

  const runTest = async () => {
    setTest({ status: 'testing' });
    const started = performance.now();
    // Called as a plain function: browsers refuse fetch invoked as another object's method.
    const pageFetch: FetchLike = (url, init) => fetch(url, init as RequestInit) as ReturnType<FetchLike>;
    const outcome = await dohQuery('example.com', 'A', { resolver: settings.resolver, fetch: pageFetch, timeoutMs: 4000 });
    setTest(outcome.status === 'ok' || outcome.status === 'nxdomain' ? { status: 'ok', ms: Math.round(performance.now() - started) } : { status: 'failed', message: outcome.error ?? outcome.status });
  };

  return (
    <section aria-labelledby="dns-heading">
      <h2 id="dns-heading">{t('optionsDnsTitle')}</h2>
      <Toggle checked={settings.dnsLookups} label={t('optionsDnsToggle')} onChange={(on) => update({ ...settings, dnsLookups: on })} />
      <fieldset disabled={!settings.dnsLookups}>
        <legend>{t('optionsResolver')}</legend>
        {RESOLVER_PRESETS.map((p) => (
          <label class="option" key={p.id}>
            <input type="radio" name="resolver" value={p.url} checked={settings.resolver === p.url} onChange={() => update({ ...settings, resolver: p.url })} />
            {t(`preset_${p.id}`)} <code class="muted">{p.url}</code>
          </label>
        ))}
        <label class="option">
          <input type="radio" name="resolver" checked={isCustom} onChange={() => custom !== '' && customProblem === undefined && update({ ...settings, resolver: custom })} />
          {t('optionsCustom')}
          <input
            type="url"
            class="custom-url"
            aria-label={t('optionsCustomUrl')}
            placeholder="https://resolver.example/dns-query"
            value={custom}
            aria-invalid={customProblem !== undefined}
            onInput={(e) => {
              const url = e.currentTarget.value.trim();
              setCustom(url);
              if (url !== '' && resolverProblem(url) === undefined) update({ ...settings, resolver: url });
            }}
          />
        </label>
        {customProblem !== undefined && <p class="problem" role="alert">{t('optionsCustomProblem', customProblem)}</p>}
        <p>
          <button type="button" onClick={() => void runTest()} disabled={test.status === 'testing'}>{t('optionsTest')}</button>{' '}
          <span role="status">
            {test.status === 'testing' && t('optionsTesting')}
            {test.status === 'ok' && t('optionsTestOk', String(test.ms))}
            {test.status === 'failed' && t('optionsTestFailed', test.message)}
          </span>
        </p>
      </fieldset>
      <p class="muted">{t('optionsDnsPrivacy')}</p>
      <h2 id="probe-heading">{t('optionsProbeTitle')}</h2>
      <Toggle checked={settings.headerProbe} disabled={!settings.dnsLookups} label={t('optionsProbeToggle')} onChange={(on) => update({ ...settings, headerProbe: on })} />
      <p class="muted">{t('optionsProbePrivacy')}</p>
      <h2 id="rdap-heading">{t('optionsRdapTitle')}</h2>
      <Toggle checked={settings.rdap} disabled={!settings.dnsLookups} label={t('optionsRdapToggle')} onChange={(on) => update({ ...settings, rdap: on })} />
      <p class="muted">{t('optionsRdapPrivacy')}</p>
      <label class="option">
        {t('optionsRdapServer')}
        <input
          type="url"
          class="custom-url"
          aria-label={t('optionsRdapServerUrl')}
          placeholder={t('optionsRdapServerPlaceholder')}
          value={rdapServer}
          disabled={!settings.rdap || !settings.dnsLookups}
          aria-invalid={rdapServerProblem !== undefined}
          onInput={(e) => {
            const url = e.currentTarget.value.trim();
            setRdapServer(url);
            if (url === '' || resolverProblem(url) === undefined) update({ ...settings, rdapServer: url });
          }}
        />
      </label>
      {rdapServerProblem !== undefined && <p class="problem" role="alert">{t('optionsCustomProblem', rdapServerProblem)}</p>}
      <h2 id="history-heading">{t('optionsHistoryTitle')}</h2>
      <Toggle checked={settings.history} label={t('optionsHistoryToggle')} onChange={(on) => update({ ...settings, history: on })} />
      <p>
        <button type="button" onClick={() => void browser.storage.local.remove(HISTORY_STORAGE_KEY).then(() => setCleared(true))}>{t('optionsHistoryClear')}</button>{' '}
        <span role="status">{cleared ? t('optionsHistoryCleared') : ''}</span>
      </p>
      <p class="muted">{t('optionsHistoryPrivacy')}</p>
      {settings.resolver !== DEFAULT_SETTINGS.resolver && (
        <p>
          <button type="button" class="link-button" onClick={() => update({ ...settings, resolver: DEFAULT_SETTINGS.resolver })}>{t('optionsResetResolver')}</button>
        </p>
      )}
    </section>
  );
}
