/** Ids the access cases share. Seeded documents live under these. */
export const PHONE = '+14155550100';
export const OTHER_PHONE = '+14155550111';
/** The same UK number as +447911123456, with the trunk 0 kept after the country code. */
export const NON_CANONICAL_PHONE = '+4407911123456';
export const TASK_SID = `WT${'1'.repeat(32)}`;
export const OTHER_TASK_SID = `WT${'2'.repeat(32)}`;
export const AUDIT_ENTRY_ID = 'seededEntry';
/** The page the History tab reads: its default page size and one look-ahead document. */
export const PLUGIN_PAGE = 11;
/** The largest page the rules admit (the largest page size, 100, and the look-ahead). */
export const LARGEST_PAGE = 101;
