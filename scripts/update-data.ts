// `npm run update-data [-- --azure ServiceTags_Public.json]`: refreshes the
// published range lists from the providers' official sources and the ASN
// table from its npm package. For people with network access; the tests and
// the build never fetch anything. A list that fails to download or parse is
// kept as it was, and the run says so.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RANGE_SOURCES, azureFrontDoor } from '../src/core/catalogue/range-sources.js';
import { parseRangeList } from '../src/core/catalogue/parse-range-list.js';

const ranges = fileURLToPath(new URL('../data/ranges/', import.meta.url));
const args = process.argv.slice(2);
const azureFile = args.includes('--azure') ? args[args.indexOf('--azure') + 1] : undefined;

async function download(urls: string): Promise<string> {
  const bodies = await Promise.all(urls.split(' ').map(async (url) => {
    const res = await fetch(url, { signal: AbortSignal.timeout(20_000), headers: { 'user-agent': 'whoserves update-data' } });
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res.text();
  }));
  return bodies.join('\n');
}

function save(file: string, cidrs: string[]): string {
  const clean = parseRangeList(cidrs.join('\n'), file); // validates; throws naming a bad line
  const before = parseRangeList(readFileSync(ranges + file, 'utf8'), file);
  writeFileSync(ranges + file, `${clean.join('\n')}\n`);
  const added = clean.filter((c) => !before.includes(c)).length;
  const removed = before.filter((c) => !clean.includes(c)).length;
  return `${file}: ${clean.length} ranges (+${added} −${removed})`;
}

let failures = 0;
for (const source of RANGE_SOURCES) {
  try {
    console.log(save(source.file, source.extract(await download(source.url))));
  } catch (err) {
    failures++;
    console.error(`${source.file}: kept as it was: ${(err as Error).message}`);
  }
}
if (azureFile !== undefined) {
  try {
    console.log(save('microsoft-azure-frontdoor.txt', azureFrontDoor(readFileSync(azureFile, 'utf8'))));
  } catch (err) {
    failures++;
    console.error(`microsoft-azure-frontdoor.txt: kept as it was: ${(err as Error).message}`);
  }
} else {
  console.log('microsoft-azure-frontdoor.txt: unchanged (download ServiceTags_Public_*.json from Microsoft and pass --azure FILE)');
}
console.log('vercel.txt: unchanged (Vercel publishes no official list; see data/ranges/SOURCES.md)');

for (const pkg of ['@ip-location-db/asn', 'freewhois']) {
  try {
    execFileSync('npm', ['install', '--save-dev', `${pkg}@latest`], { stdio: 'inherit' });
  } catch {
    failures++;
    console.error(`${pkg}: could not update the package`);
  }
}
console.log(failures === 0 ? '\nDone. Update the dates in data/ranges/SOURCES.md, then run npm test.' : `\n${failures} source(s) failed; the rest were updated.`);
process.exitCode = failures === 0 ? 0 : 1;
