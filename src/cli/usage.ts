export class UsageError extends Error {}

export const USAGE = `whoserves — which companies serve a site, from offline data

Usage:
  whoserves ip [--json] [IP ...]       network (ASN, organisation) and provider of each address;
                                       with no IPs, reads one per line from standard input
  whoserves classify [--json] FILE|-   classify observations ({host, ips?, headers?, cname?,
                                       ns?, mx?, txt?}, one object or an array) into reports
  whoserves lookup [--json] [--doh URL] [--timeout MS] [--no-http] [--no-rdap] [--rdap URL] HOST|URL|IP
                                       look a host up over DNS-over-HTTPS (addresses, CNAME chain,
                                       NS, SOA, MX, TXT), ask the site for its response headers
                                       (HEAD, redirects followed; --no-http to skip), ask the
                                       domain's registry over RDAP who its registrar is (--no-rdap
                                       to skip; --rdap to name the server), and classify
  whoserves --help | --version

ip and classify run offline. lookup sends the host name and its registrable domain to one
DNS-over-HTTPS resolver (default: Quad9's unfiltered https://dns10.quad9.net/dns-query), and,
unless --no-http, a HEAD request without cookies to the site itself, and, unless --no-rdap, the
registrable domain to its registry's RDAP server; nothing anywhere else.
Exit status: 0 success, 1 the host does not exist (lookup), 2 usage error or invalid input.`;

/** Splits flags (and options that take a value) from operands; unknown flags are usage errors, not silently ignored. */
export function parseFlags(args: string[], known: readonly string[], withValue: readonly string[] = []): { flags: Set<string>; operands: string[]; values: Map<string, string> } {
  const flags = new Set<string>();
  const operands: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1)); // the rest are operands, whatever they look like
      break;
    }
    if (!arg.startsWith('--')) operands.push(arg);
    else if (known.includes(arg)) flags.add(arg);
    else if (withValue.includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      values.set(arg, value);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { flags, operands, values };
}
