import type { CatalogueFile, CompiledCatalogue, CompiledRangeList, ProviderEntry } from './types.js';
import { validateProvider } from './validate-provider.js';
import { parseRangeList } from './parse-range-list.js';

export interface CatalogueSources {
  /** Provider files by id (the file name without .json), parsed from JSON. */
  providers: Record<string, unknown>;
  /** Range list files by name, as text. */
  ranges: Record<string, string>;
}

/**
 * Turns the reviewed data into the asset the extension and CLI load. Runs at
 * build time (build.mjs) and in the tests, so both see the same catalogue.
 * Throws with every problem found rather than the first.
 */
export function compileCatalogue(sources: CatalogueSources): CompiledCatalogue {
  const errors: string[] = [];
  const providers: CompiledCatalogue['providers'] = [];
  const ranges: CompiledRangeList[] = [];
  const headerNames = new Set<string>();
  const usedRangeFiles = new Set<string>();

  for (const [fileId, raw] of Object.entries(sources.providers).sort(([a], [b]) => a.localeCompare(b))) {
    const problems = validateProvider(raw, fileId);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    // What backs the data (sources, reviewers' comments) stays in data/: the extension needs only what decides.
    const { ranges: rangeSources, sources: _sources, ...provider } = raw as ProviderEntry & { $comment?: string };
    delete provider.$comment;
    providers.push(provider);
    for (const sig of provider.headers ?? []) headerNames.add(sig.header);
    for (const sig of provider.blockPages ?? []) headerNames.add(sig.header);
    for (const src of rangeSources ?? []) {
      const text = sources.ranges[src.file];
      if (text === undefined) {
        errors.push(`${fileId}: range file ${src.file} does not exist`);
        continue;
      }
      usedRangeFiles.add(src.file);
      try {
        const cidrs = parseRangeList(text, src.file);
        const list: CompiledRangeList = { provider: provider.id, file: src.file, role: src.role, count: cidrs.length, cidrs };
        if (src.service !== undefined) list.service = src.service;
        ranges.push(list);
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
  }
  const ids = new Set(providers.map((p) => p.id));
  const asnOwner = new Map<number, string>();
  for (const p of providers) {
    for (const id of p.runsOn ?? []) if (!ids.has(id)) errors.push(`${p.id}.runsOn: no provider "${id}"`);
    for (const { asn } of p.asns ?? []) {
      const owner = asnOwner.get(asn);
      if (owner !== undefined && owner !== p.id) errors.push(`AS${asn} is claimed by both ${owner} and ${p.id}`);
      asnOwner.set(asn, p.id);
    }
  }
  for (const file of Object.keys(sources.ranges)) {
    if (!usedRangeFiles.has(file)) errors.push(`data/ranges/${file} is not used by any provider`);
  }
  if (errors.length > 0) throw new Error(`catalogue is invalid:\n  ${errors.join('\n  ')}`);
  // Cookie signatures are read from Set-Cookie, so the recorder must keep it.
  if (providers.some((p) => p.cookies !== undefined)) headerNames.add('set-cookie');
  return { version: 1, providers, ranges, headerNames: [...headerNames].sort() };
}

/** What catalogue.json holds: the catalogue without the CIDRs, which published.bin carries compactly. */
export function catalogueFile(catalogue: CompiledCatalogue): CatalogueFile {
  return { ...catalogue, ranges: catalogue.ranges.map(({ cidrs: _cidrs, ...list }) => list) };
}
