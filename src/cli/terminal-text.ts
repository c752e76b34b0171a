/**
 * Text from the network made safe for a terminal: control characters (an
 * ANSI escape sequence from a hostile zone or registry could rewrite the
 * screen or the window title; a newline could forge a line of the report) are
 * printed as `\x1b`-style escapes. Applied to each line of the output, so only
 * a tab is left as it is.
 */
export function terminalText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * JSON for a terminal or a pipe (indented by `indent`, 0 for one line): JSON.stringify escapes C0 control
 * characters but leaves DEL and the C1 controls (U+0080–U+009F, among them
 * the one-character CSI, U+009B) raw; they are escaped here too. The value
 * parses back unchanged.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
