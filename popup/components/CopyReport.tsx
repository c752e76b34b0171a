import { useState } from 'preact/hooks';
import type { SiteModel } from '../../src/core/model/site-model.js';
import { reportJson, reportMarkdown } from '../../src/core/report-markdown.js';
import { t, uiLocale, words } from '../i18n.js';

/** Copies the report as Markdown (for a person: an abuse form, an issue) or JSON (for a tool). */
export function CopyReport({ model }: { model: SiteModel }) {
  const [status, setStatus] = useState('');
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setStatus(t('copied')),
      (err: unknown) => setStatus(t('copyFailed', err instanceof Error ? err.message : String(err))),
    );
  return (
    <div class="copy">
      <button type="button" class="link-button" onClick={() => void copy(reportMarkdown(model, words, uiLocale(), new Date()))}>{t('copyMarkdown')}</button>
      <button type="button" class="link-button" onClick={() => void copy(reportJson(model))}>{t('copyJson')}</button>
      <span class="copy-status" role="status">{status}</span>
    </div>
  );
}
