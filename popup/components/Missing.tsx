import type { SiteModel } from '../../src/core/model/site-model.js';
import { distinctErrors, errorSubject, errorText } from '../../src/core/model/wording.js';
import { t, words } from '../i18n.js';

/**
 * What could not be found out, each failure once, under the role it leaves
 * open; and what DNS positively said is absent (no mail servers), which only
 * a domain that was looked up can say.
 */
export function Missing({ model }: { model: SiteModel }) {
  const { lookup } = model;
  const notFound = lookup.dns?.nxdomain === true;
  const errors = distinctErrors(lookup.errors).filter((e) => !(notFound && e.status === 'nxdomain'));
  const named = (role: string) => lookup.report.providers.some((p) => p.role === role);
  const failed = (role: string) => errors.some((e) => e.role === role);
  const facts: string[] = [];
  if (lookup.dns !== undefined && !lookup.isIp && !notFound) {
    if (lookup.dns.mx.length === 0 && !named('email') && !failed('email')) facts.push(t('noMx'));
    if (lookup.dns.ns.length === 0 && !named('dns') && !failed('dns')) facts.push(t('noNs'));
  }
  if (errors.length === 0 && facts.length === 0) return null;
  return (
    <section class="missing" aria-labelledby="missing-heading">
      <h2 class="section-heading" id="missing-heading">{t('missingHeading')}</h2>
      <ul class="missing-list">
        {facts.map((f) => <li key={f}>{f}</li>)}
        {errors.map((e) => (
          <li key={`${e.step} ${e.query}`} data-step={e.step} data-status={e.status}>
            <span class="missing-role">{errorSubject(words, e)}: </span>
            {errorText(words, e)}
          </li>
        ))}
      </ul>
    </section>
  );
}
