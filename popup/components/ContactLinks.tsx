import { mailtoLink } from '../../src/core/email-address.js';
import type { CompanyRow } from '../../src/core/model/summarise.js';
import { t } from '../i18n.js';

/** How to reach a company about abuse: its own report page or address, or the one its registry lists; links named for the company. */
export function ContactLinks({ row, primary = false }: { row: CompanyRow; primary?: boolean }) {
  const c = row.contact;
  if (c === undefined) return null;
  const mailto = c.email === undefined ? undefined : mailtoLink(c.email);
  return (
    <p class={primary ? 'contact contact-primary' : 'contact'}>
      {c.url !== undefined && (
        <a class={primary ? 'button' : undefined} href={c.url} target="_blank" rel="noopener noreferrer" aria-label={t('reportToLabel', row.name)}>
          {t('reportTo', row.name)}
        </a>
      )}
      {mailto !== undefined && (
        <a class={primary && c.url === undefined ? 'button' : 'contact-email'} href={mailto} aria-label={t('mailToLabel', row.name, c.email!)}>
          {c.email}
        </a>
      )}
      {c.phone !== undefined && <span class="contact-phone">{c.phone}</span>}
      {c.from === 'registry' && <span class="muted contact-source">{t('contactFromRegistry')}</span>}
    </p>
  );
}
