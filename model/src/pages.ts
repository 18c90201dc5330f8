/**
 * How much a client may read at once. The rules hold the same numbers
 * (firestore.rules, `isBoundedPage`); a model test fails when they differ.
 */

/** The largest history page the plugin may be configured with (`pageSize`). */
export const HISTORY_PAGE_SIZE_MAX = 100;

/** The largest query the rules admit from a browser: the largest page and one look-ahead document that says whether more remain. */
export const LARGEST_CLIENT_QUERY = HISTORY_PAGE_SIZE_MAX + 1;
