/**
 * The host of an http(s) URL as the browser reports it (already parsed and
 * normalised by the browser: lower-case, punycode), without building a URL
 * object: this runs for every response of every page. Returns undefined for
 * any other scheme. Brackets of an IPv6 literal are removed, a trailing dot
 * dropped.
 */
export function hostOfWebUrl(url: string): string | undefined {
  let start: number;
  if (url.startsWith('https://')) start = 8;
  else if (url.startsWith('http://')) start = 7;
  else return undefined;
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    end++;
  }
  let authority = url.slice(start, end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host: string;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return undefined;
    host = authority.slice(1, close);
  } else {
    const colon = authority.indexOf(':');
    host = colon < 0 ? authority : authority.slice(0, colon);
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host === '' ? undefined : host.toLowerCase();
}

/** A URL as the tab and webRequest both give it, minus the fragment (which never reaches a server): the document it names. */
export function documentUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
