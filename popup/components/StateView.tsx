import type { View } from '../../src/core/view.js';
import { t, tDynamic } from '../i18n.js';
import { Notice } from './Notice.js';
import { SiteHeader } from './SiteHeader.js';

type NonReport = Exclude<View, { state: 'report' }>;

/** Every state in which there is no report to show, each with why and what to do. */
export function StateView({ view, reload }: { view: NonReport; reload: (() => void) | undefined }) {
  if (view.state === 'uninspectable') return <Notice tone="plain" title="whoserves" body={tDynamic('uninspectable', view.reason)} />;
  if (view.state === 'not-a-host') return <Notice tone="info" title={t('lookupOf')} body={t('badLookup')} />;
  const action = reload === undefined ? undefined : { label: t('reload'), run: reload };
  return (
    <>
      <SiteHeader host={view.host} domain={view.domain} />
      {view.state === 'no-response' ? (
        <Notice tone="info" title={t('noResponseTitle')} body={t('noResponseBody')} action={action} />
      ) : view.canReload ? (
        <Notice tone="info" title={t('unseenTabTitle')} body={t('unseenTabBody')} action={action} />
      ) : (
        <Notice tone="info" title={t('unseenHostTitle', view.host)} body={t('unseenHostBody')} />
      )}
    </>
  );
}
