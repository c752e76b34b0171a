/** A seeded xorshift32 generator of unsigned 32-bit numbers: the same sequence every run, so runs compare. */
export function xorshift32(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}
