// What the Shortlist view (components/shortlist/ShortlistPanel.tsx) shows by default.

/** Rows rendered at first; long lists (imports, years of research) show more on request. */
export const PAGE_SIZE = 50;

export const EMPTY_TEXT = "Your shortlist is empty. Open a clinic's site or Browse, then choose Add to shortlist.";
