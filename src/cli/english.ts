import messages from '../../_locales/en/messages.json';
import type { Words } from '../core/model/wording.js';

/**
 * The extension's English messages, for the command's text output: the CLI,
 * the popup and the copied report word everything from the same catalogue.
 * Substitutes $1…$9 as chrome.i18n does.
 */
export const english: Words = (key, ...subs) => {
  const entry = (messages as Record<string, { message: string } | undefined>)[key];
  if (entry === undefined) throw new Error(`no English message "${key}"`);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
};
