import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('./bare/', import.meta.url));
// Beside build.mjs's compiled-table cache: rebuilt on every run, never shipped, nothing to clean up.
const out = fileURLToPath(new URL('../../node_modules/.cache/bench-bare-extension/', import.meta.url));

/** Builds the baseline extension (scripts/bench-browser/bare) and returns its directory. */
export async function buildBare(): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(source, 'background.ts'), join(source, 'popup.ts')],
    outdir: out,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  for (const file of ['manifest.json', 'popup.html']) copyFileSync(join(source, file), join(out, file));
  return out;
}
