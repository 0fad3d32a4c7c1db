/**
 * The element at the top of `<main>` (in the root layout) that error summaries move into. In a
 * module of its own, not ErrorSummary.tsx: the layout importing from a client module puts that
 * component's code in the JavaScript of every page, form or not.
 */
export const ERROR_SUMMARY_SLOT_ID = "error-summary-slot";
