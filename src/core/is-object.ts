/** A plain JSON object (not null, not an array): the first check on anything parsed from outside. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
