import type { SiteModel } from '../../src/core/model/site-model.js';
import { addressKindText } from '../../src/core/model/wording.js';
import { t, words } from '../i18n.js';
import type { MessageKey } from '../i18n.js';

/** The host, how the person asked about it, and what connection the answer rests on. */
export function SiteHeader({ model }: { model: SiteModel }) {
  const { lookup } = model;
  const address = lookup.report.address;
  const facts: string[] = [];
  if (lookup.domain !== undefined && lookup.domain !== lookup.host) facts.push(lookup.domain);
  if (address !== undefined) {
    const kind = address.special === undefined ? '' : ` (${addressKindText(words, address.special)})`;
    // Only the site's own answer says which address answered; DNS only says where the name points.
    facts.push((lookup.seen?.ip === undefined ? t('resolvesTo', address.ip) : t('connectedTo', address.ip)) + kind);
  }
  if (lookup.seen !== undefined && lookup.seen.status > 0) facts.push(t('httpStatus', String(lookup.seen.status)));
  if (lookup.seen?.fromCache === true) facts.push(t('fromCache'));
  const dnsElsewhere = lookup.dnsAddresses;
  return (
    <header class="site">
      {model.origin !== 'tab' && <p class="lookup-label" data-origin={model.origin}>{t(`origin_${model.origin}` as MessageKey)}</p>}
      <h1 class="site-host">{lookup.host}</h1>
      {facts.length > 0 && <p class="site-connection">{facts.join(' · ')}</p>}
      {dnsElsewhere !== undefined && <p class="site-connection" data-dns-elsewhere>{t('dnsElsewhere', dnsElsewhere.ips.slice(0, 2).join(', '))}</p>}
    </header>
  );
}
