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
 * A set of ASCII names held as one sorted, newline-joined string with an
 * index of where each starts: about a third of the memory a Set of the same
 * 7,000 strings takes, which matters in a worker that keeps it resident.
 */
function compactSet(sorted: readonly string[]): { has(name: string): boolean } {
  const text = sorted.join('\n');
  const starts = new Uint32Array(sorted.length + 1);
  for (let i = 0, at = 0; i < sorted.length; i++) {
    starts[i] = at;
    at += sorted[i]!.length + 1;
  }
  starts[sorted.length] = text.length + 1;
  const count = sorted.length; // the array itself must not be kept: its strings are what this saves
  return {
    has(name) {
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const entry = text.slice(starts[mid]!, starts[mid + 1]! - 1);
        if (entry === name) return true;
        if (entry < name) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/**
 * The PSL algorithm (publicsuffix.org/list): the longest matching rule wins,
 * an exception beats every rule and drops its own left-most label, `*` matches
 * one label, and a name no rule matches has its last label as its suffix.
 */
export function publicSuffixes(data: PublicSuffixData): PublicSuffixes {
  const ascii: string[] = [];
  const unicode = new Set<string>(); // a few hundred IDN rules, kept apart so the rest stays one byte per character
  const wildcards = new Set<string>();
  for (const rule of data.rules) {
    if (rule.startsWith('*.')) wildcards.add(rule.slice(2));
    else if (/^[\x00-\x7f]*$/.test(rule)) ascii.push(rule);
    else unicode.add(rule);
  }
  const plain = compactSet(ascii.sort());
  const rules = { has: (name: string) => plain.has(name) || unicode.has(name) };
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
