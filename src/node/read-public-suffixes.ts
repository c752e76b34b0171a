import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublicSuffixData } from '../core/public-suffixes.js';

interface FlatTrie {
  nodeFlags: Uint8Array;
  edgeStart: Uint32Array | number[];
  edgeLength: Uint8Array | number[];
  edgeChild: Uint32Array | number[];
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

const ICANN = 1;

/**
 * Build time: the ICANN rules of the Public Suffix List, read from the trie
 * the `tldts` package ships (kept current by `npm run update-data`). Walks its
 * flat trie: nodes, their edges in order, each edge a label in `labelText`.
 * The unit tests check the compiled list answers as tldts itself does.
 */
export async function readPublicSuffixes(): Promise<{ data: PublicSuffixData; version: string }> {
  const require = createRequire(import.meta.url);
  const main = require.resolve('tldts');
  const root = join(dirname(main), '..', '..');
  const trie = (await import(pathToFileURL(join(root, 'dist', 'es6', 'src', 'data', 'trie.js')).href)) as FlatTrie;
  const { version } = require(join(root, 'package.json')) as { version: string };
  const offsets: number[] = [];
  for (let edge = 0, at = 0; edge < trie.edgeLength.length; edge++) {
    offsets.push(at);
    at += trie.edgeLength[edge]!;
  }
  const walk = (rootNode: number): string[] => {
    const found: string[] = [];
    const visit = (node: number, path: string[]) => {
      for (let edge = trie.edgeStart[node]!; edge < trie.edgeStart[node + 1]!; edge++) {
        const label = trie.labelText.slice(offsets[edge], offsets[edge]! + trie.edgeLength[edge]!);
        const child = trie.edgeChild[edge]!;
        const labels = [label, ...path];
        if ((trie.nodeFlags[child]! & ICANN) !== 0) found.push(labels.join('.'));
        visit(child, labels);
      }
    };
    visit(rootNode, []);
    return found.sort();
  };
  const data = { rules: walk(trie.rulesRoot), exceptions: walk(trie.exceptionsRoot) };
  if (data.rules.length < 5000 || !data.rules.includes('co.uk')) throw new Error(`tldts ${version}: unexpected trie layout (${data.rules.length} rules); update src/node/read-public-suffixes.ts`);
  return { data, version };
}
