// What the export menu says (components/export-import/ExportMenu.tsx), kept here so tests and the menu
// share one text.
import type { ExportExtension } from './filename';

export const FORMAT_LABEL: Record<ExportExtension, string> = { csv: 'CSV', json: 'JSON', md: 'Markdown' };

export const NOTHING_SAVED = 'There are no saved shortlists yet, so there is nothing to export.';
export const CANNOT_READ =
  "Clinic Scout can't read your saved shortlists in this window, so nothing could be exported. Nothing saved was changed.";

/** Added after "Your download has started" when the fallback reader left records out. */
export function skippedNote(skipped: number): string {
  return skipped > 0
    ? ` ${skipped} saved ${skipped === 1 ? 'record' : 'records'} couldn't be read and ${skipped === 1 ? 'was' : 'were'} left out.`
    : '';
}

export function exportFailed(format: ExportExtension): string {
  return (
    `The ${FORMAT_LABEL[format]} file couldn't be made, so nothing was downloaded. Your shortlists are unchanged. ` +
    'Please try again, or try another format.'
  );
}
