export class UsageError extends Error {}

export const USAGE = `whoserves — which companies serve a site, from offline data

Usage:
  whoserves ip [--json] [IP ...]       network (ASN, organisation) and provider of each address;
                                       with no IPs, reads one per line from standard input
  whoserves classify [--json] FILE|-   classify observations ({host, ips?, headers?, cname?,
                                       ns?, mx?, txt?}, one object or an array) into reports
  whoserves lookup [--json] [--doh URL] [--timeout MS] [--no-http] [--allow-private]
                   [--no-rdap] [--rdap URL] HOST|URL|IP
                                       look a host up over DNS-over-HTTPS (addresses, CNAME chain,
                                       NS, SOA, MX, TXT), ask the site for its response headers
                                       (HEAD, redirects followed; --no-http to skip; never at an
                                       address in your own network unless --allow-private), ask
                                       the registries over RDAP who the registrar and the network
                                       are (--no-rdap to skip; --rdap to name one server), and
                                       say who serves it and who can act
  whoserves --help | --version

ip and classify run offline. lookup sends the host name and its registrable domain to one
DNS-over-HTTPS resolver (default: Quad9's unfiltered https://dns10.quad9.net/dns-query), and,
unless --no-http, a HEAD request without cookies to the site itself, and, unless --no-rdap, the
registrable domain to its registry's RDAP server; nothing anywhere else.
Exit status: 0 success; 1 nothing could be found out (lookup), or the output could not be
written; 2 usage error or invalid input.`;
