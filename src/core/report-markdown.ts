import { inLocale, type Locale } from './locales.js';
import type { SiteModel } from './model/site-model.js';
import { summarise } from './model/summarise.js';
import { addressKindText, certaintyText, companyLabel, distinctErrors, errorSubject, errorText, evidenceText, roleName, whoCanActText, type Words } from './model/wording.js';

// The report as Markdown, to paste into an abuse form, an issue or a chat, in
// the person's language, from the same rows the popup shows.

/**
 * Text from strangers' servers, made inert in Markdown but still readable
 * where it is pasted as plain text (an abuse form): line breaks and other
 * control characters become spaces, so a registry string cannot add a line,
 * a list item or a heading; the characters that make inline markup (links,
 * emphasis, code, HTML) are escaped; and what would open a block is escaped
 * where the value opens a line (the answer sentence starts with a name).
 * Dots, hyphens and colons mid-text mean nothing and stay as they are, so
 * host names and URLs read as written.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

export function reportMarkdown(model: SiteModel, words: Words, locale: Locale, generatedAt: Date): string {
  // Our sentences stay as written; every value put into them (host names, header values, registry
  // text, company names) is made inert first.
  const w: Words = (key, ...subs) => words(key, ...subs.map(mdText));
  const { lookup } = model;
  const { whoCanAct, rows } = summarise(model);
  const out: string[] = [`# ${w('mdTitle', lookup.host)}`, '', whoCanActText(w, whoCanAct, rows), ''];
  if (lookup.domain !== undefined && lookup.domain !== lookup.host) out.push(`- ${w('mdDomain', lookup.domain)}`);
  const address = lookup.report.address;
  if (address !== undefined) {
    const kind = address.special === undefined ? '' : ` (${addressKindText(w, address.special)})`;
    out.push(`- ${w(lookup.seen?.ip === undefined ? 'resolvesTo' : 'connectedTo', address.ip)}${kind}`);
  }
  for (const row of rows) {
    out.push('', `## ${mdText(companyLabel(row))} — ${row.roles.map((r) => roleName(w, r.role)).join(' · ')}`, '');
    const contact = row.contact;
    const reach = [contact?.url, contact?.email, contact?.phone].filter((x): x is string => x !== undefined);
    if (reach.length > 0) out.push(`- ${w(contact?.from === 'registry' ? 'mdContactRegistry' : 'mdContact', reach.join(', '))}`);
    out.push(`- ${inLocale(row.note, locale)}`);
    if (row.network !== undefined) out.push(`- ${w('mdNetwork', [row.network.name, row.network.range, row.network.registrant].filter((x): x is string => x !== undefined).join(', '))}`);
    for (const claim of row.roles) {
      const service = claim.service === undefined ? '' : ` (${mdText(claim.service)})`;
      const behind = claim.behind === undefined ? '' : `, ${w('behindEdge', claim.behind)}`;
      out.push(`- ${roleName(w, claim.role)}${service}: ${certaintyText(w, claim.certainty)}${behind}`);
      for (const e of claim.evidence) out.push(`  - ${evidenceText(w, e)}`);
    }
  }
  if (lookup.errors.length > 0) {
    out.push('', `## ${w('missingHeading')}`, '');
    for (const e of distinctErrors(lookup.errors)) out.push(`- ${errorSubject(w, e)}: ${errorText(w, e)}`);
  }
  out.push('', `_${words('mdGenerated', generatedAt.toISOString().slice(0, 10))}_`, '');
  return out.join('\n');
}

/** The same report as JSON, for tools: the lookup as found, and the rows. */
export function reportJson(model: SiteModel): string {
  const { lookup } = model;
  return `${JSON.stringify({ host: lookup.host, domain: lookup.domain, ...summarise(model), report: lookup.report, seen: lookup.seen, dns: lookup.dns, registrar: lookup.registrar, network: lookup.network, errors: lookup.errors }, null, 2)}\n`;
}
