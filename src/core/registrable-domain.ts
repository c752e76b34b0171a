import type { PublicSuffixes } from './public-suffixes.js';

// The Public Suffix List is data loaded once per process (the worker fetches
// it with the catalogue when a lookup starts; the CLI and tests read it at
// start-up). Code that only records responses or sets the badge never needs
// it, so it is not part of the worker's start.

let installed: PublicSuffixes | undefined;

/** Makes the list available to registrableDomain; called once the data is loaded. */
export function usePublicSuffixes(list: PublicSuffixes): void {
  installed = list;
}

export function hasPublicSuffixes(): boolean {
  return installed !== undefined;
}

/**
 * The registrable domain of a host name (`shop.example.co.uk` → `example.co.uk`)
 * by the ICANN section of the Public Suffix List, or undefined for a bare
 * suffix. Callers pass host names, never IP literals. Throws if the list was
 * not loaded: a programming mistake, which the tests catch.
 */
export function registrableDomain(host: string): string | undefined {
  if (installed === undefined) throw new Error('the public suffix list is not loaded (usePublicSuffixes)');
  return installed.registrableDomain(host);
}
