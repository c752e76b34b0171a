/** Chromium flags that load one unpacked extension. */
export function extensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

/**
 * Chromium flags that keep it off the network: every *.test name (and *.cloudfront.net, for a
 * CDN host named by its domain) is the local site server, every other name fails to resolve, so nothing the extension does (a header probe of a
 * DNS-only host, say) can leave the machine, and background connections are switched off.
 */
export function offlineArgs(sitePort: number): string[] {
  return [
    `--host-resolver-rules=MAP *.test 127.0.0.1:${sitePort}, MAP *.cloudfront.net 127.0.0.1:${sitePort}, EXCLUDE 127.0.0.1, MAP * ~NOTFOUND`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
