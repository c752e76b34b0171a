import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { MAX_INPUT } from '../../src/core/limits.js';

/** Look up any host, URL or IP from the popup; after a search, a way back to the tab it was opened over. */
export function SearchBox({ onLookup, back }: { onLookup: (input: string) => void; back: (() => void) | undefined }) {
  const [text, setText] = useState('');
  return (
    <form
      class="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== '') onLookup(text.trim());
      }}
    >
      {back !== undefined && (
        <button type="button" class="link-button back" onClick={back}>
          {t('backToTab')}
        </button>
      )}
      <label class="visually-hidden" for="search-input">{t('searchLabel')}</label>
      <input id="search-input" type="search" class="search-input" placeholder={t('searchPlaceholder')} value={text} maxLength={MAX_INPUT} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="button search-button">{t('searchButton')}</button>
    </form>
  );
}
