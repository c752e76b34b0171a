import type { View } from '../../src/core/view.js';
import { t, tDynamic } from '../i18n.js';
import { Notice } from './Notice.js';
import { SiteHeader } from './SiteHeader.js';
import type { LiveStatus } from './ReportView.js';

type NonReport = Exclude<View, { state: 'report' }>;

/**
 * Every state in which the browser gave no report, each with why and what to
 * do. `compact`: only the notice, above the report a live lookup found.
 */
export function StateView({ view, reload, live, compact = false }: { view: NonReport; reload: (() => void) | undefined; live: LiveStatus; compact?: boolean }) {
  if (view.state === 'uninspectable') return <Notice tone="plain" title="whoserves" body={tDynamic('uninspectable', view.reason)} />;
  if (view.state === 'not-a-host') return <Notice tone="info" title={t('badLookup')} body={tDynamic('refusal', view.reason)} />;
  const action = reload === undefined ? undefined : { label: t('reload'), run: reload };
  const notice = view.state === 'no-response' ? (
    <Notice tone="info" title={t('noResponseTitle')} body={t('noResponseBody')} action={action} />
  ) : view.canReload ? (
    <Notice tone="info" title={t('unseenTabTitle')} body={t('unseenTabBody')} action={action} />
  ) : live.status === 'pending' || compact ? null : (
    // A looked-up host the browser never loaded: only worth saying when DNS did not answer either.
    <Notice tone="info" title={t('unseenHostTitle', view.host)} body={t('unseenHostBody')} />
  );
  if (compact) return notice;
  return (
    <>
      <SiteHeader host={view.host} domain={view.domain} />
      {notice}
      {live.status === 'pending' && <div class="skeleton skeleton-card" aria-busy="true" aria-label={t('lookingUpDns')} />}
      {live.status === 'failed' && <Notice tone="error" title={t('dnsFailedTitle')} body={live.message} action={{ label: t('retry'), run: live.retry }} />}
    </>
  );
}
