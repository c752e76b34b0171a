import { useEffect, useState } from 'preact/hooks';

/**
 * False for a component's first render, true from the next frame on: Preact
 * runs effects after the browser has painted. Lets a view paint what a person
 * reads first (the answer) before it lays out the rest, which in a popup that
 * has just started is most of the wait (measured in bench:browser).
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}
