// Provenance shared by everything the UI shows with its sources: a fact, a sentence, a derived note.
// The record shape of one source (url, date, title, third party, uncertain) is `Source` in ./schema.ts.
import type { Source } from './schema';

/** Shown together with the sources that back it. */
export interface Sourced {
  sources: Source[];
}

/** A sentence and the sources that back it (claims, comparison notes, safety facts, financing notes). */
export interface SourcedText extends Sourced {
  text: string;
}
