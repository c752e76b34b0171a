import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { CatalogueFile } from '../src/core/catalogue/types.js';
import { t, uiLocale } from '../popup/i18n.js';
import { ResolverSettings } from './ResolverSettings.js';

/** What the extension ships, read from its own data file (no message needed: nothing is computed). */
function useCatalogue(): { catalogue?: CatalogueFile; error?: string } {
  const [state, setState] = useState<{ catalogue?: CatalogueFile; error?: string }>({});
  useEffect(() => {
    fetch(browser.runtime.getURL(`data/catalogue.${uiLocale()}.json`))
      .then((res) => res.json() as Promise<CatalogueFile>)
      .then((catalogue) => setState({ catalogue }), (err: unknown) => setState({ error: String(err) }));
  }, []);
  return state;
}

function About() {
  const { catalogue, error } = useCatalogue();
  const ranges = catalogue?.ranges.reduce((n, r) => n + r.count, 0) ?? 0;
  return (
    <>
      <h1>{t('aboutTitle')}</h1>
      <p>{t('aboutIntro')}</p>
      <h2>{t('aboutPrivacyTitle')}</h2>
      <p>{t('aboutPrivacy')}</p>
      <ResolverSettings />
      <h2>{t('aboutDataTitle')}</h2>
      {error !== undefined && <p role="alert">{t('aboutLoadError', error)}</p>}
      {catalogue !== undefined && (
        <ul>
          <li>{t('aboutProviders', String(catalogue.providers.length))}</li>
          <li>{t('aboutRanges', String(catalogue.ranges.length), String(ranges))}</li>
          <li>{t('aboutAsn', catalogue.dataVersions?.asn ?? '?')}</li>
          <li>{t('aboutRdap', catalogue.dataVersions?.rdapBootstrap ?? '?')}</li>
        </ul>
      )}
      <h2>{t('aboutCreditsTitle')}</h2>
      <ul>
        <li>
          {t('aboutCreditAsn')} <a href="https://github.com/sapics/ip-location-db" target="_blank" rel="noopener noreferrer">ip-location-db</a> ·{' '}
          <a href="https://db-ip.com/" target="_blank" rel="noopener noreferrer">DB-IP</a> ·{' '}
          <a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener noreferrer">CC BY 4.0</a>
        </li>
        <li>{t('aboutCreditPsl')}</li>
      </ul>
    </>
  );
}

const root = document.getElementById('app');
if (root !== null) {
  document.documentElement.lang = uiLocale();
  document.title = t('aboutTitle');
  render(<About />, root);
}
