// The `whoserves` command: the same core as the extension, over files and pipes.
// Usage errors and bad input end with one line on stderr and exit status 2,
// never a stack trace.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../core/engine.js';
import { decodeIpData, type IpData } from '../core/ip/ip-data.js';
import { decodePublished } from '../core/ip/published-table.js';
import { readBinary } from '../node/read-binary.js';
import type { CatalogueFile } from '../core/catalogue/types.js';
import { USAGE, UsageError, parseFlags } from './usage.js';
import { ipCommand } from './ip-command.js';
import { classifyCommand } from './classify-command.js';
import { lookupCommand } from './lookup-command.js';
import { DEFAULT_RESOLVER, DEFAULT_TIMEOUT_MS } from '../core/dns/resolvers.js';
import type { FetchLike } from '../core/dns/types.js';
import type { DnsBootstrap } from '../core/rdap/bootstrap.js';

declare const WHOSERVES_VERSION: string;

function loadEngine(): Engine<IpData> {
  const dir = fileURLToPath(new URL('./data/', import.meta.url));
  try {
    const catalogue = JSON.parse(readFileSync(`${dir}catalogue.json`, 'utf8')) as CatalogueFile;
    const published = decodePublished(readBinary(`${dir}published.bin`));
    // IPv6 tables are read on the first IPv6 address: bulk IPv4 work never pays for them.
    return createEngine(catalogue, decodeIpData(readBinary(`${dir}ipdata.bin`), () => readBinary(`${dir}ipdata6.bin`), published));
  } catch (err) {
    throw new Error(`cannot load the data in ${dir} (${(err as Error).message}); run \`npm run build\``);
  }
}

function loadDnsBootstrap(): DnsBootstrap {
  return JSON.parse(readFileSync(fileURLToPath(new URL('./data/rdap-dns.json', import.meta.url)), 'utf8')) as DnsBootstrap;
}

function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === '--version') {
    process.stdout.write(`${WHOSERVES_VERSION}\n`);
    return 0;
  }
  if (command === 'ip') {
    const { flags, operands } = parseFlags(rest, ['--json']);
    return ipCommand(loadEngine(), operands, flags.has('--json'), process.stdin, process.stdout, process.stderr);
  }
  if (command === 'classify') {
    const { flags, operands } = parseFlags(rest, ['--json']);
    if (operands.length !== 1) throw new UsageError('classify takes exactly one FILE, or - for standard input');
    process.stdout.write(classifyCommand(loadEngine(), readInput(operands[0]!), flags.has('--json')));
    return 0;
  }
  if (command === 'lookup') {
    const { flags, operands, values } = parseFlags(rest, ['--json', '--no-http', '--no-rdap'], ['--doh', '--timeout', '--rdap']);
    if (operands.length !== 1) throw new UsageError('lookup takes exactly one host, URL or IP address');
    const timeoutMs = Number(values.get('--timeout') ?? DEFAULT_TIMEOUT_MS);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) throw new UsageError('--timeout takes milliseconds, from 1 to 60000');
    const resolver = values.get('--doh') ?? DEFAULT_RESOLVER;
    if (!/^https?:\/\/[^/]+\//.test(resolver)) throw new UsageError('--doh takes a DNS-over-HTTPS URL such as https://dns10.quad9.net/dns-query');
    const rdapServer = values.get('--rdap');
    if (rdapServer !== undefined && !/^https?:\/\/[^/]+/.test(rdapServer)) throw new UsageError('--rdap takes an RDAP base URL such as https://rdap.verisign.com/com/v1/');
    const rdap = flags.has('--no-rdap') ? undefined : { bootstrap: loadDnsBootstrap(), ...(rdapServer === undefined ? {} : { server: rdapServer }) };
    const { output, code } = await lookupCommand(loadEngine(), operands[0]!, { resolver, timeoutMs, json: flags.has('--json'), http: !flags.has('--no-http'), ...(rdap === undefined ? {} : { rdap }), fetch: fetch as unknown as FetchLike });
    process.stdout.write(output);
    return code;
  }
  throw new UsageError(`unknown command "${command}"`);
}

// A reader that stops early (`whoserves ip … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError;
    process.stderr.write(`whoserves: ${err instanceof Error ? err.message : String(err)}${usage ? '\n(see whoserves --help)' : ''}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
