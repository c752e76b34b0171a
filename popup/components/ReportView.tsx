import type { ComponentChildren } from 'preact';
import type { ReportState } from '../../src/core/view.js';
import type { ResourceGroup } from '../../src/core/resources.js';
import type { ProviderResult, Role } from '../../src/core/types.js';
import { t, tDynamic } from '../i18n.js';
import { SiteHeader } from './SiteHeader.js';
import { ProviderCard } from './ProviderCard.js';
import { Notice } from './Notice.js';

/** Where the live DNS lookup stands: the popup shows the offline answer at once and the rest as it arrives. */
export type LiveStatus = { status: 'pending' } | { status: 'done' } | { status: 'off' } | { status: 'failed'; message: string; retry: () => void };

function ConnectionLine({ view }: { view: ReportState }) {
  const address = view.report.address;
  const parts: string[] = [];
  if (address !== undefined) {
    const kind = address.special === undefined ? '' : ` (${tDynamic('addressKind', address.special)})`;
    // Only the browser's own response says which address answered; DNS only says where the name points.
    parts.push((view.seen?.ip === undefined ? t('resolvesTo', address.ip) : t('connectedTo', address.ip)) + kind);
  }
  if (view.seen !== undefined && view.seen.status > 0) parts.push(t('httpStatus', String(view.seen.status)));
  if (view.seen?.fromCache === true) parts.push(t('fromCache'));
  return parts.length === 0 ? null : <p class="site-connection">{parts.join(' · ')}</p>;
}

/** The network behind the address, from its regional registry, with its abuse contact. */
function NetworkLine({ view }: { view: ReportState }) {
  const net = view.network;
  if (net === undefined) return null;
  const what = [net.name, net.range, net.registrant].filter((x): x is string => x !== undefined).join(' · ');
  return (
    <p class="site-network" data-network>
      {t('networkLine', what)}
      {net.abuseEmail !== undefined && <> · <a href={`mailto:${net.abuseEmail}`}>{net.abuseEmail}</a></>}
    </p>
  );
}

function Cards({ results, view }: { results: ProviderResult[]; view: ReportState }) {
  return (
    <>
      {results.map((r) => {
        const info = view.providers[r.id];
        return info === undefined ? null : <ProviderCard key={`${r.id}-${r.role}`} result={r} info={info} behindName={r.behind === undefined ? undefined : view.providers[r.behind]?.name} />;
      })}
    </>
  );
}

function RoleSection({ role, children, busy = false }: { role: Role; children: ComponentChildren; busy?: boolean }) {
  return (
    <section class="role" aria-labelledby={`role-${role}`} data-role={role} aria-busy={busy}>
      <h2 class="role-heading" id={`role-${role}`}>{tDynamic('roleHeading', role)}</h2>
      {children}
    </section>
  );
}

function emptyRole(role: 'dns' | 'email' | 'registrar', records: string[] | undefined, view: ReportState): string {
  // When the lookup failed, say so: "no MX records" would be a claim the failure cannot support.
  const query = role === 'registrar' ? 'RDAP ' : role === 'dns' ? 'NS ' : 'MX ';
  const failed = view.lookupErrors?.find((e) => e.query.startsWith(query) && (role === 'registrar' || e.query === `${query}${view.domain ?? ''}`));
  if (failed !== undefined) return role === 'registrar' ? `${failed.error.charAt(0).toUpperCase()}${failed.error.slice(1)}.` : t('roleLookupFailed', failed.error);
  if (role === 'registrar') return t('noRegistrar');
  const shown = records?.slice(0, 3).join(', ');
  if (shown === undefined || shown === '') return t(role === 'dns' ? 'noNs' : 'noMx');
  return t(role === 'dns' ? 'unknownNs' : 'unknownMx', shown);
}

/** DNS, email and registrar: cards when a provider is recognised, the records themselves when not, a skeleton while looking. */
function LiveRole({ role, view, live, records }: { role: 'dns' | 'email' | 'registrar'; view: ReportState; live: LiveStatus; records: string[] | undefined }) {
  const results = view.report.providers.filter((p) => p.role === role);
  if (live.status === 'off' || live.status === 'failed') return null;
  if (live.status === 'pending') {
    return (
      <RoleSection role={role} busy>
        <div class="skeleton skeleton-card" aria-label={t('lookingUpDns')} />
      </RoleSection>
    );
  }
  return (
    <RoleSection role={role}>
      {results.length > 0 ? (
        <Cards results={results} view={view} />
      ) : (
        <p class="role-empty">{emptyRole(role, records, view)}</p>
      )}
    </RoleSection>
  );
}

/** The hosts the page loaded from, grouped by who serves them; closed until asked for. */
function Resources({ groups }: { groups: ResourceGroup[] }) {
  const hosts = groups.reduce((n, g) => n + g.hosts.length, 0);
  const requests = groups.reduce((n, g) => n + g.requests, 0);
  return (
    <section class="role resources" aria-labelledby="resources-heading" data-role="resources">
      <details>
        <summary id="resources-heading">{t('resourcesHeading', String(hosts), String(requests))}</summary>
        {groups.map((g) => (
          <div class="resource-group" key={g.provider?.id ?? 'unknown'} data-group={g.provider?.id ?? 'unknown'}>
            <h3 class="resource-provider">{g.provider === undefined ? t('resourcesUnknown') : `${g.provider.name} · ${tDynamic('roleHeading', g.provider.role)}`} <span class="muted">({g.requests})</span></h3>
            <ul class="resource-hosts">
              {g.hosts.map((h) => (
                <li key={h.host}>
                  <code>{h.host}</code> <span class="muted">×{h.count}</span> {h.firstParty ? <span class="tag">{t('firstParty')}</span> : <span class="tag tag-third">{t('thirdParty')}</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </section>
  );
}

/** The answer for one host: the edge first, then hosting, then DNS and email as the live lookup brings them. */
export function ReportView({ view, lookup, live }: { view: ReportState; lookup: boolean; live: LiveStatus }) {
  const { report } = view;
  const edges = report.providers.filter((p) => p.role === 'edge');
  const hosting = report.providers.filter((p) => p.role === 'hosting');
  const edgeName = edges[0] === undefined ? undefined : view.providers[edges[0].id]?.name;
  return (
    <>
      {lookup && <p class="lookup-label">{t('lookupOf')}</p>}
      <SiteHeader host={view.host} domain={view.domain}>
        <ConnectionLine view={view} />
        <NetworkLine view={view} />
      </SiteHeader>
      {view.moves?.map((m) => (
        <Notice key={m.role} tone="info" title={t('movedTitle', tDynamic('roleHeading', m.role), m.from.join(', '), m.to.join(', '))} body={t('movedBody', new Date(m.at).toLocaleDateString(navigator.language, { dateStyle: 'medium' }))} />
      ))}
      {report.blockPage !== undefined && (
        <Notice
          tone="error"
          title={tDynamic('blockPageTitle', report.blockPage.kind, view.providers[report.blockPage.provider]?.name ?? report.blockPage.provider)}
          body={`${tDynamic('blockPageBody', report.blockPage.kind, view.providers[report.blockPage.provider]?.name ?? report.blockPage.provider)} (${report.blockPage.evidence.map((e) => e.detail).join('; ')})`}
        />
      )}
      <RoleSection role="edge">
        {edges.length > 0 ? (
          <Cards results={edges} view={view} />
        ) : (
          <Notice tone="plain" title={t('noEdgeTitle')} body={report.address === undefined ? t('noEdgeBodyNoIp') : t(view.seen?.ip === undefined ? 'noEdgeBodyDns' : 'noEdgeBody', report.address.ip)} />
        )}
      </RoleSection>
      {hosting.length > 0 && (
        <RoleSection role="hosting">
          <Cards results={hosting} view={view} />
        </RoleSection>
      )}
      {report.originHidden && edgeName !== undefined && (
        <Notice tone="info" title={t('originHiddenTitle', edgeName)} body={t('originHiddenBody', edgeName)} />
      )}
      <LiveRole role="dns" view={view} live={live} records={view.dns?.ns} />
      <LiveRole role="email" view={view} live={live} records={view.dns?.mx} />
      {view.domain !== undefined && <LiveRole role="registrar" view={view} live={live} records={undefined} />}
      {view.resources !== undefined && view.resources.length > 0 && <Resources groups={view.resources} />}
      {live.status === 'failed' && <Notice tone="error" title={t('dnsFailedTitle')} body={live.message} action={{ label: t('retry'), run: live.retry }} />}
      {live.status === 'off' && <p class="role-empty">{t('dnsOff')}</p>}
      {view.lookupErrors !== undefined && view.lookupErrors.length > 0 && (
        <section class="missing" aria-labelledby="missing-heading">
          <h2 class="role-heading" id="missing-heading">{t('missingHeading')}</h2>
          <ul class="missing-list">
            {view.lookupErrors.map((e) => <li key={e.query}><code>{e.query}</code> — {e.error}</li>)}
          </ul>
        </section>
      )}
    </>
  );
}
