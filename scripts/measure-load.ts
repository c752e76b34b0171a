// Run by the benchmark in a fresh process, as the CLI starts: the time to read
// and view the published ranges and the IPv4 tables (IPv6 is read on first
// use), and with IPv6 too, in ms.
import { join } from 'node:path';
import { decodeIpData } from '../src/core/ip/ip-data.js';
import { decodePublished } from '../src/core/ip/published-table.js';
import { readBinary } from '../src/node/read-binary.js';

const dir = process.argv[2] ?? '';
const t0 = performance.now();
const data = decodeIpData(readBinary(join(dir, 'ipdata.bin')), () => readBinary(join(dir, 'ipdata6.bin')), decodePublished(readBinary(join(dir, 'published.bin'))));
const t1 = performance.now();
data.networkIndex({ version: 6, v6: [0x26064700, 0, 0, 0], text: '2606:4700::' });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ v4: t1 - t0, both: t2 - t0 }));
