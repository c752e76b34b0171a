export class UsageError extends Error {}

export const USAGE = `whoserves — which companies serve a site, from offline data

Usage:
  whoserves ip [--json] [IP ...]       network (ASN, organisation) and provider of each address;
                                       with no IPs, reads one per line from standard input
  whoserves classify [--json] FILE|-   classify observations ({host, ips?, headers?, cname?,
                                       ns?, mx?, txt?}, one object or an array) into reports
  whoserves --help | --version

Everything runs offline: no address or host name leaves this machine.
Exit status: 0 success, 2 usage error or invalid input.`;

/** Splits flags from operands; unknown flags are usage errors, not silently ignored. */
export function parseFlags(args: string[], known: readonly string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('--')) {
      if (!known.includes(arg)) throw new UsageError(`unknown option ${arg}`);
      flags.add(arg);
    } else operands.push(arg);
  }
  return { flags, operands };
}
