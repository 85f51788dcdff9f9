// Limits written once, with no zod here: the schemas (./schema.ts) enforce them, and the forms
// (lib/shortlist/input.ts, components/shortlist) import them from this file to check and say so before
// saving — without loading zod, which the panel loads only with the first write.
export const NOTES_MAX = 100_000;
export const LIST_NAME_MAX = 200;
export const CLINIC_NAME_MAX = 200;
export const CITY_MAX = 100;
export const QUOTE_NOTE_MAX = 2000;
export const ANSWER_MAX = 10_000;
export const PHONE_MAX = 30;
export const STREET_MAX = 200;
