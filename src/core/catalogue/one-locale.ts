import type { LocalisedText, Locale } from '../locales.js';
import type { AbuseContact, CatalogueFile } from './types.js';

/**
 * The catalogue with its notes in one language only, the others left empty,
 * as build.mjs writes it for the extension (catalogue.<locale>.json): the
 * worker serves one browser, whose UI language does not change while it
 * runs, and the notes are most of the catalogue's text, read at every wake.
 * `inLocale` reads the kept one.
 */
export function inOneLocale(catalogue: CatalogueFile, locale: Locale): CatalogueFile {
  const only = (text: LocalisedText): LocalisedText => {
    const kept = Object.fromEntries(Object.keys(text).map((l) => [l, ''])) as LocalisedText;
    kept[locale] = text[locale] || text.en;
    return kept;
  };
  const abuse = (a: AbuseContact): AbuseContact => {
    const out: AbuseContact = { ...a, note: only(a.note) };
    if (a.roleNotes !== undefined) out.roleNotes = Object.fromEntries(Object.entries(a.roleNotes).map(([role, text]) => [role, only(text)]));
    return out;
  };
  return { ...catalogue, providers: catalogue.providers.map((p) => ({ ...p, abuse: abuse(p.abuse) })) };
}
