/**
 * The languages whoserves speaks: every `_locales/<code>` has a folder, and
 * every text in the provider catalogue is written in each (a unit test keeps
 * the two lists equal). English is the fallback for a browser in any other.
 */
export const LOCALES = ['en', 'de'] as const;

export type Locale = (typeof LOCALES)[number];

/** A text written once per locale. */
export type LocalisedText = Record<Locale, string>;

/** The locale to show for a browser UI language such as `de-AT` or `en_GB`. */
export function localeFor(uiLanguage: string): Locale {
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

/** The text in `locale`, or in English where that one is missing (stored data from an older version). */
export function inLocale(text: LocalisedText, locale: Locale): string {
  return text[locale] || text.en;
}
