import { t } from '../i18n.js';

/** Before the first answer: a visible line of text, and the shape of what is coming. */
export function Waiting() {
  return (
    <div class="loading" aria-busy="true">
      <p class="loading-text">{t('loading')}</p>
      <div class="skeleton skeleton-title" aria-hidden="true" />
      <div class="skeleton skeleton-card" aria-hidden="true" />
    </div>
  );
}
