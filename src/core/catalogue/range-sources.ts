// How each published range list is refreshed from its official source: the
// URL and a pure function from the response body to CIDRs, so the transforms
// are tested offline and `npm run update-data` only adds the fetching.

export interface RangeSourceSpec {
  file: string;
  url: string;
  extract: (body: string) => string[];
}

type Json = Record<string, unknown>;

const lines = (body: string) => body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));

function strings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`${where}: expected a list of strings`);
  return value as string[];
}

function objects(value: unknown, where: string): Json[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'object' && v !== null)) throw new Error(`${where}: expected a list of objects`);
  return value as Json[];
}

function awsPrefixes(body: string, onlyService?: string): string[] {
  const json = JSON.parse(body) as Json;
  const pick = (list: Json[], key: string) => list.filter((p) => onlyService === undefined || p.service === onlyService).map((p) => String(p[key]));
  return [...pick(objects(json.prefixes, 'prefixes'), 'ip_prefix'), ...pick(objects(json.ipv6_prefixes, 'ipv6_prefixes'), 'ipv6_prefix')];
}

export const RANGE_SOURCES: RangeSourceSpec[] = [
  {
    file: 'cloudflare.txt',
    url: 'https://www.cloudflare.com/ips-v4/ https://www.cloudflare.com/ips-v6/',
    extract: lines,
  },
  {
    file: 'amazon.txt',
    url: 'https://ip-ranges.amazonaws.com/ip-ranges.json',
    extract: (body) => awsPrefixes(body),
  },
  {
    file: 'amazon-cloudfront.txt',
    url: 'https://ip-ranges.amazonaws.com/ip-ranges.json',
    extract: (body) => awsPrefixes(body, 'CLOUDFRONT'),
  },
  {
    file: 'fastly.txt',
    url: 'https://api.fastly.com/public-ip-list',
    extract: (body) => {
      const json = JSON.parse(body) as Json;
      return [...strings(json.addresses, 'addresses'), ...strings(json.ipv6_addresses, 'ipv6_addresses')];
    },
  },
  {
    file: 'google-cloud.txt',
    url: 'https://www.gstatic.com/ipranges/cloud.json',
    extract: (body) => objects((JSON.parse(body) as Json).prefixes, 'prefixes').map((p) => String(p.ipv4Prefix ?? p.ipv6Prefix)),
  },
  {
    file: 'github-pages.txt',
    url: 'https://api.github.com/meta',
    extract: (body) => strings((JSON.parse(body) as Json).pages, 'pages'),
  },
];

/**
 * Azure publishes its service tags as a weekly file whose URL changes, so it
 * is read from a file the user downloads (ServiceTags_Public_*.json).
 */
export function azureFrontDoor(body: string): string[] {
  const tag = objects((JSON.parse(body) as Json).values, 'values').find((v) => v.name === 'AzureFrontDoor.Frontend');
  if (tag === undefined) throw new Error('no AzureFrontDoor.Frontend service tag in the file');
  return strings((tag.properties as Json | undefined)?.addressPrefixes, 'AzureFrontDoor.Frontend.properties.addressPrefixes');
}
