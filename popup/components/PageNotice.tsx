import type { SiteModel } from '../../src/core/model/site-model.js';
import { t } from '../i18n.js';
import { Notice } from './Notice.js';

/** For a tab whose page whoserves did not see arrive: why, and the reload that fixes it. */
export function PageNotice({ model, reload }: { model: SiteModel; reload: (() => void) | undefined }) {
  const action = reload === undefined ? undefined : { label: t('reload'), run: reload };
  if (model.page === 'unseen') return <Notice tone="info" title={t('unseenTabTitle')} body={t('unseenTabBody')} action={action} />;
  if (model.page === 'no-response') return <Notice tone="info" title={t('noResponseTitle')} body={t('noResponseBody')} action={action} />;
  return null;
}
