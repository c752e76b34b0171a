import { useState } from 'preact/hooks';
import type { ReportState } from '../../src/core/view.js';
import { reportJson, reportMarkdown } from '../../src/core/report-markdown.js';
import { t } from '../i18n.js';

/** Copies the report as Markdown (for a person: an abuse form, an issue) or JSON (for a tool). */
export function CopyReport({ view }: { view: ReportState }) {
  const [status, setStatus] = useState('');
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setStatus(t('copied')),
      (err: unknown) => setStatus(t('copyFailed', err instanceof Error ? err.message : String(err))),
    );
  return (
    <div class="copy">
      <button type="button" class="link-button" onClick={() => void copy(reportMarkdown(view, new Date()))}>{t('copyMarkdown')}</button>
      <button type="button" class="link-button" onClick={() => void copy(reportJson(view))}>{t('copyJson')}</button>
      <span class="copy-status" role="status">{status}</span>
    </div>
  );
}
