/**
 * Sets `key` as the newest entry of a bounded map, dropping the oldest past
 * `max`. A Map keeps insertion order, so deleting before setting moves a key
 * to the end and the first key is always the least recently set.
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}
