import { useState } from 'react';

let issued = 0;

/**
 * An element id unique on the page for the component's lifetime (React 17
 * has no useId): two Task Canvases, or two forms of one kind, never share one.
 */
export function useUniqueId(base: string): string {
  const [id] = useState(() => `${base}-${++issued}`);
  return id;
}
