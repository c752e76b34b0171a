import type { LocalisedText } from './locales.js';

// What to say about a company the catalogue does not describe: only what is
// known of every company of that kind, and where its contact comes from.

export const UNLISTED_NETWORK_NOTE: LocalisedText = {
  en: 'This network is not in the whoserves catalogue; its abuse contact is listed by its regional internet registry.',
  de: 'Dieses Netz ist nicht im Katalog von whoserves; seinen Abuse-Kontakt nennt die regionale Internet-Registry.',
};

export const REGISTRAR_NOTE: LocalisedText = {
  en: 'The registrar holds the domain name for its owner and can suspend it; this contact is the one the registry lists.',
  de: 'Der Registrar verwaltet den Domainnamen für seinen Inhaber und kann ihn sperren; dieser Kontakt ist der, den die Registry nennt.',
};

export const UNLISTED_DOMAIN_NOTE: LocalisedText = {
  en: 'This company is not in the whoserves catalogue: it is named by the domain its servers are under. Its contact is usually on that domain\'s website, or in the registry\'s record of the domain.',
  de: 'Dieses Unternehmen ist nicht im Katalog von whoserves: Es ist nach der Domain benannt, unter der seine Server stehen. Seinen Kontakt findet man meist auf der Website dieser Domain oder im Eintrag der Registry zu ihr.',
};
