import messages from '../../_locales/en/messages.json';
import { wordsFrom } from '../core/model/wording.js';

/** The extension's English messages, for the command's text output: the CLI, the popup and the copied report word everything from the same catalogue. */
export const english = wordsFrom(messages);
