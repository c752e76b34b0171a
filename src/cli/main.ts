// The `whoserves` command: the same core as the extension, over files and pipes.
// Usage errors and bad input end with one line on stderr and exit status 2,
// never a stack trace.
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { createEngine, type Engine } from '../core/engine.js';
import { decodeIpData, type IpData } from '../core/ip/ip-data.js';
import { decodePublished } from '../core/ip/published-table.js';
import { readBinary } from '../node/read-binary.js';
import type { CatalogueFile } from '../core/catalogue/types.js';
import { USAGE, UsageError } from './usage.js';
import { terminalText } from './terminal-text.js';
import { ipCommand } from './ip-command.js';
import { classifyCommand } from './classify-command.js';
import { lookupCommand } from './lookup-command.js';
import { DEFAULT_RESOLVER, DEFAULT_TIMEOUT_MS } from '../core/dns/resolvers.js';
import type { DnsBootstrap } from '../core/rdap/bootstrap.js';
import { publicSuffixes, type PublicSuffixData } from '../core/public-suffixes.js';
import { usePublicSuffixes } from '../core/registrable-domain.js';

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

/** The Public Suffix List compiled beside the command (registrable domains for lookups and reports). */
function loadPublicSuffixes(): void {
  usePublicSuffixes(publicSuffixes(JSON.parse(readFileSync(fileURLToPath(new URL('./data/psl.json', import.meta.url)), 'utf8')) as PublicSuffixData));
}

function loadDnsBootstrap(): DnsBootstrap {
  return JSON.parse(readFileSync(fileURLToPath(new URL('./data/rdap-dns.json', import.meta.url)), 'utf8')) as DnsBootstrap;
}

/** A file or standard input, as a stream: classify never reads its input whole. */
function openInput(path: string): Promise<Readable> {
  if (path === '-') return Promise.resolve(process.stdin);
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path);
    stream.once('open', () => resolve(stream));
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new UsageError(`cannot read ${path}: ${err.code ?? err.message}`)));
  });
}

/** An http(s) URL with a host, as the resolver and registry options need: parsed, not pattern-matched. */
function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** node:util parseArgs, with its errors as usage errors (one line, status 2). */
function parse(args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message.replace(/^Unknown option '(--?[^']+)'.*$/s, 'unknown option $1'));
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
    const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
    return ipCommand(loadEngine(), positionals, values.json === true, process.stdin, process.stdout, process.stderr);
  }
  if (command === 'classify') {
    const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
    loadPublicSuffixes();
    if (positionals.length !== 1) throw new UsageError('classify takes exactly one FILE, or - for standard input');
    const engine = loadEngine();
    await classifyCommand(engine, await openInput(positionals[0]!), process.stdout, values.json === true);
    return 0;
  }
  if (command === 'lookup') {
    const { values, positionals } = parse(rest, {
      json: { type: 'boolean' },
      'no-http': { type: 'boolean' },
      'no-rdap': { type: 'boolean' },
      'allow-private': { type: 'boolean' },
      doh: { type: 'string' },
      timeout: { type: 'string' },
      rdap: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('lookup takes exactly one host, URL or IP address');
    loadPublicSuffixes();
    const timeoutMs = Number(values.timeout ?? DEFAULT_TIMEOUT_MS);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) throw new UsageError('--timeout takes milliseconds, from 1 to 60000');
    const resolver = typeof values.doh === 'string' ? values.doh : DEFAULT_RESOLVER;
    if (!isWebUrl(resolver)) throw new UsageError('--doh takes a DNS-over-HTTPS URL such as https://dns10.quad9.net/dns-query');
    const rdapServer = typeof values.rdap === 'string' ? values.rdap : undefined;
    if (rdapServer !== undefined && !isWebUrl(rdapServer)) throw new UsageError('--rdap takes an RDAP base URL such as https://rdap.verisign.com/com/v1/');
    const rdap = values['no-rdap'] === true ? undefined : { bootstrap: loadDnsBootstrap(), ...(rdapServer === undefined ? {} : { server: rdapServer }) };
    const { output, code } = await lookupCommand(loadEngine(), positionals[0]!, {
      resolver,
      timeoutMs,
      json: values.json === true,
      http: values['no-http'] !== true,
      allowPrivate: values['allow-private'] === true,
      ...(rdap === undefined ? {} : { rdap }),
    });
    process.stdout.write(output);
    return code;
  }
  throw new UsageError(`unknown command "${command}"`);
}

// A reader that stops early (`whoserves ip … | head`) is not an error; any other
// failure to write (a full disk) is said in one line, without a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`whoserves: cannot write the output: ${err.code ?? err.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError;
    // One line, and no control character from the input or the network reaches the terminal.
    const message = terminalText(err instanceof Error ? err.message : String(err));
    process.stderr.write(`whoserves: ${message}${usage ? '\n(see whoserves --help)' : ''}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
