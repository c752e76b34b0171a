/**
 * Text from the network made safe for a terminal: control characters (an
 * ANSI escape sequence from a hostile zone or registry could rewrite the
 * screen or the window title) are printed as `\x1b`-style escapes.
 */
export function terminalText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
