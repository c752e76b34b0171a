// `npm run check-data`: validates data/providers and data/ranges exactly as the build does,
// and prints a one-line summary, without bundling anything.
import { fileURLToPath } from 'node:url';
import { compileCatalogue } from '../src/core/catalogue/compile-catalogue.js';
import { readCatalogueSources } from '../src/node/read-catalogue-sources.js';

try {
  const catalogue = compileCatalogue(readCatalogueSources(fileURLToPath(new URL('../data', import.meta.url))));
  const cidrs = catalogue.ranges.reduce((n, r) => n + r.cidrs.length, 0);
  console.log(`catalogue ok: ${catalogue.providers.length} providers, ${catalogue.ranges.length} range lists (${cidrs} ranges)`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
