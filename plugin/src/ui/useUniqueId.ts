import { createContext, useContext, useState } from 'react';

let issued = 0;

/** The task a part of the page belongs to; its ids start with it, so they say whose they are. */
export const IdScope = createContext('');

/**
 * An element id unique on the page for the component's lifetime (React 17
 * has no useId): two Task Canvases, or two forms of one kind, never share one.
 * Within a task's canvas it starts with the TaskSid.
 */
export function useUniqueId(base: string): string {
  const scope = useContext(IdScope);
  const [id] = useState(() => `${scope ? `${scope}-` : ''}${base}-${++issued}`);
  return id;
}
