/**
 * Whether a header value matches a signature's pattern. Caches and proxies
 * append to a header as a request passes them (`via: 1.1 varnish, 1.1 google`,
 * `x-served-by: cache-iad-1, cache-fra-2`), so an anchored pattern is tried on
 * the whole value and on each comma-separated item. No pattern: present at all.
 */
export function headerValueMatches(pattern: RegExp | undefined, value: string): boolean {
  if (pattern === undefined || pattern.test(value)) return true;
  if (!value.includes(',')) return false;
  return value.split(',').some((item) => pattern.test(item.trim()));
}
