import type { SiteModel } from '../core/model/site-model.js';
import { summarise } from '../core/model/summarise.js';
import { addressKindText, certaintyText, companyLabel, distinctErrors, errorSubject, errorText, evidenceText, roleName, whoCanActText } from '../core/model/wording.js';
import { inLocale } from '../core/locales.js';
import { english } from './english.js';
import { terminalText } from './terminal-text.js';

const PRIVATE_HINT = 'to ask a site in your own network, run the lookup with --allow-private';

/**
 * A lookup as plain text for a terminal: who can act first, then one block
 * per company (its roles, how to reach it, the evidence), then what could not
 * be found out. The same rows, in the same order, as the popup and the copied
 * report.
 */
export function formatSummary(model: SiteModel): string {
  const { lookup } = model;
  const { whoCanAct, rows } = summarise(model);
  const out: string[] = [lookup.host, `  ${whoCanActText(english, whoCanAct, rows)}`];
  const address = lookup.report.address;
  if (address !== undefined) out.push(`  ${english(lookup.seen?.ip === undefined ? 'resolvesTo' : 'connectedTo', address.ip)}${address.special === undefined ? '' : ` (${addressKindText(english, address.special)})`}`);
  if (lookup.dns !== undefined && lookup.dns.cname.length > 0) out.push(`  CNAME ${[lookup.host, ...lookup.dns.cname].join(' → ')}`);
  for (const hop of lookup.probe?.hops ?? []) out.push(`  HTTP ${hop.status} ${hop.url}${hop.ip === undefined ? '' : ` (${hop.ip})`}`);
  for (const row of rows) {
    out.push('', `  ${companyLabel(row)} — ${row.roles.map((r) => roleName(english, r.role)).join(' · ')}`);
    const c = row.contact;
    const reach = [c?.url, c?.email, c?.phone].filter((x): x is string => x !== undefined);
    if (reach.length > 0) out.push(`    ${english(c?.from === 'registry' ? 'mdContactRegistry' : 'mdContact', reach.join(', '))}`);
    out.push(`    ${inLocale(row.note, 'en')}`);
    if (row.network !== undefined) out.push(`    ${english('mdNetwork', [row.network.name, row.network.range, row.network.registrant].filter((x): x is string => x !== undefined).join(', '))}`);
    for (const claim of row.roles) {
      const service = claim.service === undefined ? '' : ` (${claim.service})`;
      const behind = claim.behind === undefined ? '' : `, ${english('behindEdge', claim.behind)}`;
      out.push(`    ${roleName(english, claim.role)}${service}: ${certaintyText(english, claim.certainty)}${behind}`);
      for (const e of claim.evidence) out.push(`      · ${evidenceText(english, e)}`);
    }
  }
  if (lookup.errors.length > 0) {
    out.push('', `  ${english('missingHeading')}`);
    for (const e of distinctErrors(lookup.errors)) out.push(`    · ${errorSubject(english, e)}: ${errorText(english, e)}`);
    // The extension never asks inside your network; the command line can, when you say so.
    if (lookup.errors.some((e) => e.step === 'http' && e.status === 'private-address')) out.push(`    (${PRIVATE_HINT})`);
  }
  return `${out.map(terminalText).join('\n')}\n`;
}
