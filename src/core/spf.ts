/** A mechanism of an SPF record that names another domain: who else may send the site's mail. */
export interface SpfDomain {
  /** `include` and `redirect` name another SPF record (followed); `a`, `mx` and `exists` name servers. */
  kind: 'include' | 'redirect' | 'a' | 'mx' | 'exists';
  domain: string;
  /** The mechanism as written, e.g. `include:_spf.google.com`. */
  text: string;
  /** The include it was found behind, when it came from an included record rather than the domain's own. */
  via?: string;
}

const MAX_MECHANISMS = 64;
/** RFC 7208 §4.6.4 allows ten DNS lookups per SPF check; following includes, so do we. */
export const MAX_SPF_LOOKUPS = 10;

/** The text of the SPF record among TXT records, joined as DNS libraries hand TXT strings over split or quoted. */
function spfRecord(txt: readonly string[]): string | undefined {
  for (const record of txt) {
    const text = record.replace(/"\s*"/g, '').replace(/^"|"$/g, '').trim();
    if (/^v=spf1(\s|$)/i.test(text)) return text;
  }
  return undefined;
}

function ownMechanisms(txt: readonly string[]): SpfDomain[] {
  const record = spfRecord(txt);
  if (record === undefined) return [];
  const found: SpfDomain[] = [];
  for (const term of record.split(/\s+/).slice(1, MAX_MECHANISMS)) {
    const m = /^[+?~-]?(include:|redirect=|a:|mx:|exists:)([^\s/]+)(\/\d+)?$/i.exec(term);
    if (m === null) continue;
    // A macro (%{i}, %{d}…) stands for the sender; the domain is what follows the last one.
    const domain = m[2]!.toLowerCase().replace(/^.*%\{[^}]*\}\.?/, '').replace(/\.$/, '');
    if (domain === '' || domain.includes('%') || !domain.includes('.')) continue;
    const kind = m[1]!.toLowerCase().replace(/[:=]$/, '') as SpfDomain['kind'];
    found.push({ kind, domain, text: `${m[1]!.toLowerCase()}${m[2]!.toLowerCase()}` });
  }
  return found;
}

/**
 * The `include:` and `redirect=` domains of a domain's SPF record (RFC 7208),
 * and, where `included` holds the TXT records of included domains, the ones
 * behind them, breadth first, at most ten records deep as SPF itself allows.
 */
export function spfMechanisms(txt: readonly string[], included: Readonly<Record<string, readonly string[]>> = {}): SpfDomain[] {
  const found = ownMechanisms(txt);
  const seen = new Set(found.map((m) => m.domain));
  let followed = 0;
  for (let i = 0; i < found.length && followed < MAX_SPF_LOOKUPS; i++) {
    const parent = found[i]!;
    if (parent.kind !== 'include' && parent.kind !== 'redirect') continue;
    const records = Object.hasOwn(included, parent.domain) ? included[parent.domain] : undefined;
    if (records === undefined) continue;
    followed++;
    for (const m of ownMechanisms(records)) {
      if (seen.has(m.domain)) continue;
      seen.add(m.domain);
      found.push({ ...m, via: parent.via ?? parent.text });
    }
  }
  return found;
}
