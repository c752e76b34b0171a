/** A mechanism of an SPF record that names another domain: who else may send the site's mail. */
export interface SpfDomain {
  domain: string;
  /** The mechanism as written, e.g. `include:_spf.google.com`. */
  text: string;
}

const MAX_MECHANISMS = 64;

/** The `include:` and `redirect=` domains of the SPF records (RFC 7208) among a domain's TXT records. */
export function spfMechanisms(txt: readonly string[]): SpfDomain[] {
  const found: SpfDomain[] = [];
  for (const record of txt) {
    // DNS libraries hand TXT strings over split or quoted; SPF is the joined text.
    const text = record.replace(/"\s*"/g, '').replace(/^"|"$/g, '').trim();
    if (!/^v=spf1(\s|$)/i.test(text)) continue;
    for (const term of text.split(/\s+/).slice(1, MAX_MECHANISMS)) {
      const m = /^[+?~-]?(include:|redirect=)([^\s/]+)$/i.exec(term);
      if (m !== null) found.push({ domain: m[2]!.toLowerCase().replace(/\.$/, ''), text: `${m[1]!.toLowerCase()}${m[2]!.toLowerCase()}` });
    }
  }
  return found;
}
