#!/usr/bin/env node
// Entry point for `whoserves`: the command is bundled into dist/cli by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/whoserves.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('whoserves: not built yet; run `npm ci && npm run build` in the whoserves folder\n');
  process.exit(1);
}
await import(cli.href);
