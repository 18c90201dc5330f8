import { en, type Strings } from './en.js';

export type { Strings };

/** The strings in use; English is the only language shipped. */
export const strings: Strings = en;
