// The ICANN section of the Public Suffix List, as data: compiled at build time
// (src/node/read-public-suffixes.ts) and loaded where registrable domains are
// needed, so the ~100 KB list is not code every worker start has to parse. The
// private section (github.io, vercel.app…) is left out on purpose: the company
// behind github.io is GitHub.

export interface PublicSuffixData {
  /** Rules as written in the list, without the `!` exceptions: `com`, `co.uk`, `*.ck`. */
  rules: string[];
  /** Exception rules without their `!`: `www.ck`. */
  exceptions: string[];
}

export interface PublicSuffixes {
  /** The registrable domain of a host name, or undefined for a public suffix itself or an empty name. */
  registrableDomain(host: string): string | undefined;
}

/**
 * The PSL algorithm (publicsuffix.org/list): the longest matching rule wins,
 * an exception beats every rule and drops its own left-most label, `*` matches
 * one label, and a name no rule matches has its last label as its suffix.
 */
export function publicSuffixes(data: PublicSuffixData): PublicSuffixes {
  const rules = new Set<string>();
  const wildcards = new Set<string>();
  for (const rule of data.rules) {
    if (rule.startsWith('*.')) wildcards.add(rule.slice(2));
    else rules.add(rule);
  }
  const exceptions = new Set(data.exceptions);
  return {
    registrableDomain(host) {
      const name = host.toLowerCase().replace(/\.$/, '');
      if (name === '' || name.startsWith('.') || name.includes('..')) return undefined;
      const labels = name.split('.');
      let suffixLength = 1; // the prevailing rule "*"
      for (let i = 0; i < labels.length; i++) {
        const candidate = labels.slice(i).join('.');
        if (exceptions.has(candidate)) {
          suffixLength = labels.length - i - 1;
          break;
        }
        if (rules.has(candidate) || (i + 1 < labels.length && wildcards.has(labels.slice(i + 1).join('.')))) {
          suffixLength = labels.length - i;
          break;
        }
      }
      return labels.length > suffixLength ? labels.slice(labels.length - suffixLength - 1).join('.') : undefined;
    },
  };
}
