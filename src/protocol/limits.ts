/**
 * The add-on's own limits, shared by the server functions, the sidebar and the preview server
 * (the one folder all three may use at run time, pure like core/),
 * so each side refuses at the same figure. Where each number comes from is in the README's
 * "Limits" table; `npm run bench:write` measures the per-call figure on the fakes.
 */

/**
 * Cells a server call writes at most. Apps Script stops a run after 6 minutes and Google documents
 * no setValues throughput, so a call is kept far from the limit (the README's "Limits" reasons
 * from `npm run bench:write`): 10,000 lines of 17 columns, or 17,000 summary rows of 10.
 */
export const CELLS_PER_CALL = 170000;

/** Rows of `columns` cells that fit in one call. */
export function rowsPerCall(columns: number): number {
  return Math.max(1, Math.floor(CELLS_PER_CALL / columns));
}

/**
 * The largest server call, in characters of its arguments as JSON. Google documents no size
 * limit for google.script.run; this is ours, checked by the sidebar before it sends, by the
 * server functions when they receive, and by the preview server (413 above it).
 */
export const MAX_CALL_CHARS = 20000000;

/**
 * A write in progress that nobody has touched for this long is dead: every call ends within
 * Apps Script's 6 minutes, and the sidebar sends the next block as soon as one is written.
 */
export const STALE_WRITE_MS = 10 * 60 * 1000;

/** Cells of one table from a parsed file or a range. */
export const MAX_TABLE_CELLS = 2000000;

/** Characters of a call's arguments as google.script.run sends them (JSON). */
export function callChars(args: unknown): number {
  const json = JSON.stringify(args);
  return json === undefined ? 0 : json.length;
}
