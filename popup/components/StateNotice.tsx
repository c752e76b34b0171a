import type { PopupModel } from '../../src/core/model/site-model.js';
import { t } from '../i18n.js';
import { Notice } from './Notice.js';
import type { MessageKey } from '../i18n.js';

type NotASite = Exclude<PopupModel, { kind: 'site' }>;

/** A page no company serves, or input that names no host: why, in one notice. */
export function StateNotice({ model }: { model: NotASite }) {
  if (model.kind === 'uninspectable') return <Notice tone="plain" title="whoserves" body={t(`uninspectable_${model.reason.replace(/-/g, '_')}` as MessageKey)} />;
  return <Notice tone="info" title={t('badLookup')} body={t(`refusal_${model.reason.replace(/-/g, '_')}` as MessageKey)} />;
}
