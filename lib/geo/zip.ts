// US ZIP codes as the user types them. Which ZIPs exist (and where) is the ZIP table: lib/geo/zip-codec.ts.

/** A US ZIP code: five digits (ZIP+4 accepted, its extension ignored). */
export function normaliseZip(input: string): string | null {
  const m = /^\s*(\d{5})(?:-\d{4})?\s*$/.exec(input);
  return m ? m[1]! : null;
}

export const ZIP_EMPTY = 'Enter a 5-digit ZIP code.';
export const ZIP_INVALID = 'A ZIP code is 5 digits, for example 80302.';
export const ZIP_UNKNOWN = "We don't know that ZIP code; try a nearby one or choose your state.";

/** The ZIP as typed → its 5 digits, or why it is not a ZIP code (the table check comes later). */
export function checkZip(input: string): { zip: string } | { error: string } {
  if (!input.trim()) return { error: ZIP_EMPTY };
  const zip = normaliseZip(input);
  return zip ? { zip } : { error: ZIP_INVALID };
}
