import { useState } from 'preact/hooks';
import { t } from '../i18n.js';

/** Look up any host, URL or IP from the popup; the worker says if the input names no host. */
export function SearchBox({ onLookup }: { onLookup: (input: string) => void }) {
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
      <input type="search" class="search-input" aria-label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={text} maxLength={2048} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="button search-button">{t('searchButton')}</button>
    </form>
  );
}
