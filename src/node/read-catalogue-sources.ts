import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueSources } from '../core/catalogue/compile-catalogue.js';

/** Reads data/providers/*.json and data/ranges/*.txt from a checkout; JSON syntax errors name the file. */
export function readCatalogueSources(dataDir: string): CatalogueSources {
  const providers: CatalogueSources['providers'] = {};
  for (const file of readdirSync(join(dataDir, 'providers')).filter((f) => f.endsWith('.json'))) {
    const path = join(dataDir, 'providers', file);
    try {
      providers[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (err) {
      throw new Error(`${path}: ${(err as Error).message}`);
    }
  }
  const ranges: CatalogueSources['ranges'] = {};
  for (const file of readdirSync(join(dataDir, 'ranges')).filter((f) => f.endsWith('.txt'))) {
    ranges[file] = readFileSync(join(dataDir, 'ranges', file), 'utf8');
  }
  return { providers, ranges };
}
