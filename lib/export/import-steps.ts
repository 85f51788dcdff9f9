// The steps of "Import backup (JSON)" as data, and the pure decisions between them. The dialog
// (components/export-import/ImportDialog.tsx) only reads the file, calls the shortlist store and shows a step:
//
//   choose → (fileStep: size check) → reading → (parsedStep: parseImport, empty check) → invalid
//                                                                                       → preview (previewStep: planImport)
//   preview → Confirm (missingChoices = 0) → writing → done | failed, or a new preview when
//   sameRecords() says another window changed the shortlists meanwhile. Nothing is written before Confirm.
import type { Shortlist, ShortlistItem } from '../shortlist/schema';
import { parseImport, type ImportData } from './import';
import { conflictsNeedingChoice, planImport, type ImportChoice, type ImportPlan, type ShortlistRecords } from './merge';
import { checkImportFileSize } from './preflight';

export interface ImportSummary {
  listsAdded: number;
  listsUpdated: number;
  itemsAdded: number;
  itemsUpdated: number;
}

export type ImportStep =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'invalid'; fileName: string; errors: string[] }
  | {
      kind: 'preview' | 'writing';
      fileName: string;
      data: ImportData;
      plan: ImportPlan;
      existing: ShortlistRecords;
      /** The shortlists changed (another window) after the first preview: this one was made again. */
      replanned?: boolean;
    }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; message: string };

export type PreviewStep = Extract<ImportStep, { kind: 'preview' | 'writing' }>;

export const NOTHING_CHANGED = 'Nothing was imported, and your shortlists are exactly as they were.';
export const UNREADABLE = "This file couldn't be read. Choose the .json file you exported from Clinic Scout.";
export const EMPTY_BACKUP = 'This backup holds no shortlists, so there is nothing to import.';

export const CHOICE_TEXT: Record<ImportChoice, { label: string; hint: string }> = {
  'keep-mine': { label: 'Keep mine', hint: 'ignore the version in the file' },
  'take-theirs': { label: 'Take theirs', hint: 'replace yours with the version in the file' },
  'keep-both': { label: 'Keep both', hint: 'add the version in the file as a copy' },
};
export const CHOICE_ORDER: readonly ImportChoice[] = ['keep-mine', 'take-theirs', 'keep-both'];

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The step for a chosen file before reading it: refused from its size alone, else "reading". */
export function fileStep(file: { name: string; size: number }): Extract<ImportStep, { kind: 'invalid' | 'reading' }> {
  const tooLarge = checkImportFileSize(file.size);
  return tooLarge ? { kind: 'invalid', fileName: file.name, errors: [tooLarge] } : { kind: 'reading', fileName: file.name };
}

/** The file's text checked: refused with every reason, or the backup to preview. */
export function parsedStep(
  fileName: string,
  text: string,
): Extract<ImportStep, { kind: 'invalid' }> | { kind: 'parsed'; fileName: string; data: ImportData } {
  const parsed = parseImport(text);
  if (!parsed.ok) return { kind: 'invalid', fileName, errors: parsed.errors };
  if (parsed.data.shortlists.length === 0) return { kind: 'invalid', fileName, errors: [EMPTY_BACKUP] };
  return { kind: 'parsed', fileName, data: parsed.data };
}

/** The preview of `data` merged into what is stored now. */
export function previewStep(fileName: string, data: ImportData, existing: ShortlistRecords, replanned?: boolean): PreviewStep {
  return { kind: 'preview', fileName, data, plan: planImport(existing, data), existing, ...(replanned ? { replanned } : {}) };
}

/** How many conflicts still need a choice before Confirm is enabled. */
export function missingChoices(plan: ImportPlan, choices: Record<string, ImportChoice>): number {
  return conflictsNeedingChoice(plan, choices).filter((k) => !Object.prototype.hasOwnProperty.call(choices, k)).length;
}

/** Same records, as far as a merge plan is concerned (every write bumps updatedAt). */
export function sameRecords(a: ShortlistRecords, b: ShortlistRecords): boolean {
  const key = (r: ShortlistRecords) =>
    [...r.shortlists.map((s) => `l:${s.id}:${s.updatedAt}:${s.deletedAt}`), ...r.items.map((i) => `i:${i.id}:${i.updatedAt}`)].sort().join('|');
  return key(a) === key(b);
}

/** What a write of `records` adds and updates, against what was stored. */
export function summarise(records: { shortlists: readonly Shortlist[]; items: readonly ShortlistItem[] }, existing: ShortlistRecords): ImportSummary {
  const lists = new Set(existing.shortlists.map((s) => s.id));
  const items = new Set(existing.items.map((i) => i.id));
  const listsUpdated = records.shortlists.filter((s) => lists.has(s.id)).length;
  const itemsUpdated = records.items.filter((i) => items.has(i.id)).length;
  return {
    listsAdded: records.shortlists.length - listsUpdated,
    listsUpdated,
    itemsAdded: records.items.length - itemsUpdated,
    itemsUpdated,
  };
}

export function summaryText(s: ImportSummary): string {
  const parts = [
    s.listsAdded ? `${plural(s.listsAdded, 'list', 'lists')} added` : '',
    s.listsUpdated ? `${plural(s.listsUpdated, 'list', 'lists')} updated` : '',
    s.itemsAdded ? `${plural(s.itemsAdded, 'clinic', 'clinics')} added` : '',
    s.itemsUpdated ? `${plural(s.itemsUpdated, 'clinic', 'clinics')} updated` : '',
  ].filter(Boolean);
  return parts.length ? `Imported: ${parts.join(', ')}.` : 'Nothing new to import: everything in this file is already in your shortlists.';
}

/** The dialog's heading for a step. */
export function stepTitle(step: ImportStep): string {
  return step.kind === 'invalid' ? "This file can't be imported"
    : step.kind === 'preview' || step.kind === 'writing' ? 'Check what will be imported'
    : step.kind === 'done' ? 'Import finished'
    : step.kind === 'failed' ? "The import couldn't be saved"
    : 'Import a backup';
}

export const itemLabel = (i: ShortlistItem) => i.custom?.name ?? i.snapshot.name;

/** A stored timestamp as the user's local date and time ("Apr 20, 2026, 12:00 PM"). */
export const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
