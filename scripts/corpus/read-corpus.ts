import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusCase } from './score.js';

const dir = fileURLToPath(new URL('../../test/fixtures/observed/', import.meta.url));

/** Every sourced real observation, with the file it came from. */
export function readCorpus(): { file: string; case: CorpusCase }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => (JSON.parse(readFileSync(dir + file, 'utf8')) as CorpusCase[]).map((c) => ({ file, case: c })));
}
