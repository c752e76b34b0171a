import { publicSuffixes } from '../core/public-suffixes.js';
import { hasPublicSuffixes, usePublicSuffixes } from '../core/registrable-domain.js';
import { readPublicSuffixes } from './read-public-suffixes.js';

/** For scripts and tests: the list compiled from the installed tldts, as the build compiles it. */
export async function installPublicSuffixes(): Promise<void> {
  if (!hasPublicSuffixes()) usePublicSuffixes(publicSuffixes((await readPublicSuffixes()).data));
}
