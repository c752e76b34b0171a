import { confidenceLevel } from '../core/confidence.js';
import type { Report, Role } from '../core/types.js';

const ROLE_LABEL: Record<Role, string> = { edge: 'edge', hosting: 'hosting', dns: 'dns', email: 'email', registrar: 'registrar' };

/** A report as plain text for a terminal: one line per provider, its evidence indented under it. */
export function formatReport(report: Report): string {
  const out: string[] = [report.host];
  if (report.address !== undefined) out.push(`  address    ${report.address.ip}${report.address.special === undefined ? '' : ` (${report.address.special})`}`);
  if (report.blockPage !== undefined) out.push(`  page       ${report.blockPage.provider}'s ${report.blockPage.kind} page, not the site (${report.blockPage.evidence.map((e) => e.detail).join('; ')})`);
  if (!report.providers.some((p) => p.role === 'edge')) out.push('  edge       no CDN or proxy detected');
  for (const p of report.providers) {
    const name = p.service === undefined ? p.name : `${p.name} — ${p.service}`;
    const behind = p.behind === undefined ? '' : `, behind ${p.behind}`;
    out.push(`  ${ROLE_LABEL[p.role].padEnd(9)}  ${name} (${confidenceLevel(p.confidence)} confidence${behind})`);
    for (const e of p.evidence) out.push(`             · ${e.detail}`);
  }
  if (report.originHidden) out.push('  hosting    hidden behind the edge: report through the edge provider\'s abuse process');
  return `${out.join('\n')}\n`;
}
