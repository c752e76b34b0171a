/**
 * Whether text from a registry or a provider file is a plain e-mail address
 * that is safe to put after `mailto:`: one @, no spaces, no characters that
 * would add headers or recipients to a mailto link (`?`, `&`, `,`, `%`, which
 * could hide an encoded `@`), and a domain with a real top-level label.
 */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[A-Za-z0-9._+'!#$*/=^`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(text);
}

/** A mailto: link for an address that passed isEmailAddress; undefined otherwise. */
export function mailtoLink(address: string): string | undefined {
  return isEmailAddress(address) ? `mailto:${address}` : undefined;
}
