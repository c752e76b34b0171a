import type { View } from '../../src/core/view.js';
import type { ProviderResult } from '../../src/core/types.js';
import { t, tDynamic } from '../i18n.js';
import { SiteHeader } from './SiteHeader.js';
import { ProviderCard } from './ProviderCard.js';
import { Notice } from './Notice.js';

type ReportState = Extract<View, { state: 'report' }>;

function ConnectionLine({ view }: { view: ReportState }) {
  const address = view.report.address;
  const parts: string[] = [];
  if (address !== undefined) {
    parts.push(t('connectedTo', address.ip) + (address.special === undefined ? '' : ` (${tDynamic('addressKind', address.special)})`));
  }
  if (view.seen.status > 0) parts.push(t('httpStatus', String(view.seen.status)));
  if (view.seen.fromCache) parts.push(t('fromCache'));
  return parts.length === 0 ? null : <p class="site-connection">{parts.join(' · ')}</p>;
}

function RoleSection({ role, results, view }: { role: 'cdn' | 'hosting'; results: ProviderResult[]; view: ReportState }) {
  return (
    <section class="role" aria-labelledby={`role-${role}`} data-role={role}>
      <h2 class="role-heading" id={`role-${role}`}>{tDynamic('roleHeading', role)}</h2>
      {results.map((r) => {
        const info = view.providers[r.id];
        return info === undefined ? null : <ProviderCard key={`${r.id}-${r.role}`} result={r} info={info} behindName={r.behind === undefined ? undefined : view.providers[r.behind]?.name} />;
      })}
    </section>
  );
}

/** The answer for one host: the edge first, then hosting, each with evidence on demand. */
export function ReportView({ view, lookup }: { view: ReportState; lookup: boolean }) {
  const { report } = view;
  const edges = report.providers.filter((p) => p.role === 'cdn');
  const hosting = report.providers.filter((p) => p.role === 'hosting');
  const edgeName = edges[0] === undefined ? undefined : view.providers[edges[0].id]?.name;
  return (
    <>
      {lookup && <p class="lookup-label">{t('lookupOf')}</p>}
      <SiteHeader host={view.host} domain={view.domain}>
        <ConnectionLine view={view} />
      </SiteHeader>
      {edges.length > 0 ? (
        <RoleSection role="cdn" results={edges} view={view} />
      ) : (
        <section class="role" aria-labelledby="role-cdn" data-role="cdn">
          <h2 class="role-heading" id="role-cdn">{tDynamic('roleHeading', 'cdn')}</h2>
          <Notice tone="plain" title={t('noEdgeTitle')} body={report.address === undefined ? t('noEdgeBodyNoIp') : t('noEdgeBody', report.address.ip)} />
        </section>
      )}
      {hosting.length > 0 && <RoleSection role="hosting" results={hosting} view={view} />}
      {report.originHidden && edgeName !== undefined && (
        <Notice tone="info" title={t('originHiddenTitle', edgeName)} body={t('originHiddenBody', edgeName)} />
      )}
    </>
  );
}
