import { parseCidr } from '../ip/parse-ip.js';

/**
 * Parses a published range list: one CIDR per line, blank lines and `#`
 * comments ignored. Returns canonical CIDRs, or throws naming every bad line,
 * because a silently dropped range would become a silently wrong answer.
 */
export function parseRangeList(text: string, file: string): string[] {
  const cidrs: string[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const parsed = parseCidr(line);
    if (parsed === undefined) errors.push(`${file}:${i + 1}: not a CIDR: ${JSON.stringify(line)}`);
    else cidrs.push(parsed.text);
  });
  if (errors.length > 0) throw new Error(errors.join('\n'));
  if (cidrs.length === 0) throw new Error(`${file}: no ranges`);
  return [...new Set(cidrs)];
}
