import type { Evidence } from '../../src/core/types.js';
import { t } from '../i18n.js';

function describe(e: Evidence) {
  switch (e.kind) {
    case 'header':
      return <><span class="evidence-kind">{t('evidenceHeader')}</span> <code>{e.name}: {e.value}</code></>;
    case 'cookie':
      return <><span class="evidence-kind">{t('evidenceCookie')}</span> <code>{e.name}</code></>;
    case 'range':
      return <>{t('evidenceRange', e.ip, e.cidr, e.list)}</>;
    case 'asn':
      return <>{t('evidenceAsn', e.ip, String(e.asn), e.org)}</>;
    case 'host':
      return <>{t('evidenceHost', e.suffix)}</>;
    case 'cname':
      return <>{t('evidenceCname', e.name)}</>;
    case 'ns':
      return <>{t('evidenceNs', e.name)}</>;
    case 'mx':
      return <>{t('evidenceMx', e.name)}</>;
    case 'txt':
      return <>{t('evidenceSpf', e.mechanism)}</>;
    case 'rdap':
      return <>{t('evidenceRdap')} <code>{e.url}</code></>;
    default:
      return <>{(e as Evidence).detail}</>;
  }
}

/** The facts behind a claim, shown as text: header values come from strangers' servers. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  return (
    <ul class="evidence-list">
      {evidence.map((e, i) => <li key={i} data-kind={e.kind}>{describe(e)}</li>)}
    </ul>
  );
}
