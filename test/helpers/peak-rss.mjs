// Preloaded into a `whoserves` process by test/cli/run-cli.ts (`node --import`):
// writes the process's peak resident set size, in bytes, to WHOSERVES_RSS_FILE
// when it exits, however it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.WHOSERVES_RSS_FILE;
if (file !== undefined) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
