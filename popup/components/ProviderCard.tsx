import type { ProviderInfo } from '../../src/core/engine.js';
import type { ProviderResult } from '../../src/core/types.js';
import { confidenceLevel } from '../../src/core/confidence.js';
import { t, tDynamic } from '../i18n.js';
import { EvidenceList } from './EvidenceList.js';
import { inLocale } from '../../src/core/locales.js';
import { uiLocale } from '../i18n.js';

function abuseHref(info: ProviderInfo): string | undefined {
  if (info.abuse.url !== undefined) return info.abuse.url;
  return info.abuse.email === undefined ? undefined : `mailto:${info.abuse.email}`;
}

/** One provider in one role: who, how sure, why, and whom to contact. */
export function ProviderCard({ result, info, behindName }: { result: ProviderResult; info: ProviderInfo; behindName: string | undefined }) {
  const level = confidenceLevel(result.confidence);
  const href = abuseHref(info);
  return (
    <article class="provider" data-provider={info.id} aria-label={info.name}>
      <div class="provider-head">
        <span class="mark" style={{ backgroundColor: info.color }} aria-hidden="true">{info.badge}</span>
        <div class="provider-title">
          <h3 class="provider-name">{info.name}</h3>
          {result.service !== undefined && <p class="provider-service">{result.service}</p>}
        </div>
        <span class={`confidence confidence-${level}`} title={String(result.confidence)}>{tDynamic('confidence', level)}</span>
      </div>
      {behindName !== undefined && <p class="provider-behind">{t('behindEdge', behindName)}</p>}
      <details class="evidence">
        <summary>{t('evidence')} ({result.evidence.length})</summary>
        <EvidenceList evidence={result.evidence} />
      </details>
      {href !== undefined && (
        <p class="abuse">
          <a href={href} target="_blank" rel="noopener noreferrer">{t('reportAbuse')}</a>
          <span class="abuse-note">{inLocale(info.abuse.note, uiLocale)}</span>
        </p>
      )}
    </article>
  );
}
