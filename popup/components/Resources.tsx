import type { ResourceHost } from '../../src/core/model/resource-hosts.js';
import { groupResources } from '../../src/core/model/summarise.js';
import { roleName } from '../../src/core/model/wording.js';
import { t, words } from '../i18n.js';

/** The page's other hosts in one line, opening to one row per host: address, company, role, and a lookup for each. */
export function Resources({ hosts, lookUp }: { hosts: ResourceHost[]; lookUp: (host: string) => void }) {
  const groups = groupResources(hosts);
  const companies = new Set(hosts.flatMap((h) => (h.company === undefined ? [] : [h.company.id]))).size;
  return (
    <details class="resources" data-resources>
      <summary>{t(hosts.length === 1 ? 'hostsOne' : 'hostsMany', String(hosts.length))} · {t(companies === 1 ? 'companiesOne' : 'companiesMany', String(companies))}</summary>
      <table class="resource-table">
        <caption class="visually-hidden">{t('resourcesCaption')}</caption>
        <thead class="visually-hidden">
          <tr>
            <th scope="col">{t('resourcesHost')}</th>
            <th scope="col">{t('resourcesCompany')}</th>
            <th scope="col">{t('resourcesLookup')}</th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.company === undefined ? '' : `${g.company.role}:${g.company.id}`} data-group={g.company === undefined ? 'unknown' : `${g.company.role}:${g.company.id}`}>
            {g.hosts.map((h) => (
              <tr key={h.host}>
                <td class="resource-host">
                  <span class="host-name">{h.host}</span> <span class={h.firstParty ? 'tag' : 'tag tag-third'}>{t(h.firstParty ? 'firstParty' : 'thirdParty')}</span>
                  <br />
                  <span class="muted">{[h.ip, `×${h.count}`].filter((x) => x !== undefined).join(' · ')}</span>
                </td>
                <td class="resource-company">{h.company === undefined ? <span class="muted">{t('resourcesUnknown')}</span> : <>{h.company.name}<br /><span class="muted">{roleName(words, h.company.role)}</span></>}</td>
                <td>
                  <button type="button" class="link-button" onClick={() => lookUp(h.host)} aria-label={t('lookUpHostLabel', h.host)}>
                    {t('lookUpHost')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </details>
  );
}
