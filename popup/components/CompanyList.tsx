import type { SiteModel } from '../../src/core/model/site-model.js';
import type { CompanyRow } from '../../src/core/model/summarise.js';
import { certaintyText, companyLabel, roleName } from '../../src/core/model/wording.js';
import { inLocale } from '../../src/core/locales.js';
import { textOn } from '../../src/core/model/mark-color.js';
import { t, uiLocale, words } from '../i18n.js';
import { ContactLinks } from './ContactLinks.js';
import { EvidenceList } from './EvidenceList.js';

/** One row per company: its mark, name and roles; opening it shows how to reach it, what it does with reports, and why. */
function Company({ row }: { row: CompanyRow }) {
  const inferred = row.roles.filter((r) => r.certainty !== 'fact' && r.certainty !== 'high');
  return (
    <li>
      <details class="company" data-company={row.id} data-roles={row.roles.map((r) => r.role).join(' ')}>
        <summary class="company-head">
          <span class="mark" style={{ backgroundColor: row.color, color: textOn(row.color) }} aria-hidden="true">{row.badge}</span>
          <span class="company-title">
            <span class="company-name">{companyLabel(row)}</span>
            <span class="company-roles">
              {row.roles.map((r) => (
                <span key={r.role} class="chip" data-role={r.role}>
                  {roleName(words, r.role)}
                  {r.behind !== undefined && <span class="muted"> · {t('behindEdge', r.behind)}</span>}
                </span>
              ))}
              {inferred.length > 0 && <span class={`certainty certainty-${inferred[0]!.certainty}`}>{certaintyText(words, inferred[0]!.certainty)}</span>}
            </span>
          </span>
        </summary>
        <div class="company-body">
          <ContactLinks row={row} />
          <p class="company-note">{inLocale(row.note, uiLocale())}</p>
          {row.unlisted !== undefined && <p class="muted">{t(row.unlisted === 'network' ? 'unlistedNetwork' : 'unlistedDomain')}</p>}
          {row.network !== undefined && (
            <p class="company-network" data-network>
              {t('networkLine', [row.network.name, row.network.range, row.network.registrant].filter((x): x is string => x !== undefined).join(' · '))}
            </p>
          )}
          {row.roles.map((r) => (
            <div key={r.role} class="claim" data-claim={r.role}>
              <h4 class="claim-heading">
                {roleName(words, r.role)}
                {r.service !== undefined && ` · ${r.service}`} <span class={`certainty certainty-${r.certainty}`}>{certaintyText(words, r.certainty)}</span>
              </h4>
              <EvidenceList evidence={r.evidence} />
            </div>
          ))}
        </div>
      </details>
    </li>
  );
}

/** The companies serving the site, the one that can act first; an empty list says what was looked for. */
export function CompanyList({ rows, model }: { rows: CompanyRow[]; model: SiteModel }) {
  const edge = rows.some((r) => r.roles.some((c) => c.role === 'edge'));
  return (
    <section class="companies" aria-labelledby="companies-heading">
      <h2 class="section-heading" id="companies-heading">{t('companiesHeading')}</h2>
      {!edge && model.lookup.report.address !== undefined && <p class="no-edge" data-no-edge>{t(model.lookup.seen?.ip === undefined ? 'noEdgeDns' : 'noEdgeSeen', model.lookup.report.address.ip)}</p>}
      {rows.length > 0 ? <ul class="company-list">{rows.map((row) => <Company key={row.id} row={row} />)}</ul> : <p class="muted">{t(model.phase === 'done' ? 'noCompanies' : 'lookingUp')}</p>}
    </section>
  );
}
