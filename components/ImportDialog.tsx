/**
 * "Import backup (JSON)": a native modal <dialog> that reads a Clinic Scout JSON export and, only after the
 * user confirms, writes it in one all-or-nothing transaction.
 *
 *   size check (checkImportFileSize) → file.text() → parseImport → errors listed, nothing written
 *                                                              → planImport(existing, incoming) → preview:
 *   added / merged / unchanged, each conflict side by side with a choice (keep mine / take theirs / keep both);
 *   Confirm is disabled until every conflict has a choice (conflictsNeedingChoice) → applyImportChoices →
 *   db.writeAll. Cancel, Escape or closing at any step before Confirm writes nothing.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  applyImportChoices,
  checkImportFileSize,
  conflictsNeedingChoice,
  parseImport,
  planImport,
  type ImportChoice,
  type ImportData,
  type ImportPlan,
  type ShortlistRecords,
} from '../lib/export';
import { ITEM_STATUS_LABEL, quoteText } from '../lib/export/facts';
import { openShortlistDb, RecordsChangedError, toStorageError, type WriteAllInput, type WriteAllOptions } from '../lib/shortlist';
import type { Shortlist, ShortlistItem } from '../lib/shortlist/schema';

/** What the dialog needs from the shortlist database (ShortlistDb fits). */
export interface ImportTarget {
  listShortlists(): Promise<Shortlist[]>;
  listDeletedShortlists(): Promise<Shortlist[]>;
  listItems(shortlistId: string): Promise<ShortlistItem[]>;
  writeAll(input: WriteAllInput, options?: WriteAllOptions): Promise<{ shortlists: number; items: number }>;
  close?(): void;
}

export interface ImportSummary {
  listsAdded: number;
  listsUpdated: number;
  itemsAdded: number;
  itemsUpdated: number;
}

export interface ImportDialogProps {
  /** Opens the database (default openShortlistDb); the dialog closes it when it closes. */
  openDb?: () => Promise<ImportTarget>;
  /** Called after a successful write (the panel re-reads; other windows hear it through the change broadcast). */
  onImported?: (summary: ImportSummary) => void;
  /** Opener button text. */
  label?: string;
}

export const NOTHING_CHANGED = 'Nothing was imported, and your shortlists are exactly as they were.';
export const UNREADABLE = "This file couldn't be read. Choose the .json file you exported from Clinic Scout.";
export const EMPTY_BACKUP = 'This backup holds no shortlists, so there is nothing to import.';

const CHOICE_TEXT: Record<ImportChoice, { label: string; hint: string }> = {
  'keep-mine': { label: 'Keep mine', hint: 'ignore the version in the file' },
  'take-theirs': { label: 'Take theirs', hint: 'replace yours with the version in the file' },
  'keep-both': { label: 'Keep both', hint: 'add the version in the file as a copy' },
};
const CHOICE_ORDER: readonly ImportChoice[] = ['keep-mine', 'take-theirs', 'keep-both'];

type Step =
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

/** Same records, as far as a merge plan is concerned (every write bumps updatedAt). */
function sameRecords(a: ShortlistRecords, b: ShortlistRecords): boolean {
  const key = (r: ShortlistRecords) =>
    [...r.shortlists.map((s) => `l:${s.id}:${s.updatedAt}:${s.deletedAt}`), ...r.items.map((i) => `i:${i.id}:${i.updatedAt}`)].sort().join('|');
  return key(a) === key(b);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function readExisting(db: ImportTarget): Promise<ShortlistRecords> {
  const [lists, deleted] = await Promise.all([db.listShortlists(), db.listDeletedShortlists()]);
  const shortlists = [...lists, ...deleted];
  const items = (await Promise.all(shortlists.map((l) => db.listItems(l.id)))).flat();
  return { shortlists, items };
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

const itemLabel = (i: ShortlistItem) => i.custom?.name ?? i.snapshot.name;
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ImportDialog({ openDb = () => openShortlistDb(), onImported, label = 'Import backup (JSON)' }: ImportDialogProps) {
  const id = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const db = useRef<ImportTarget | null>(null);
  /** Bumped on every close or restart, so a read that finishes late is ignored. */
  const generation = useRef(0);
  const [isOpen, setIsOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [choices, setChoices] = useState<Record<string, ImportChoice>>({});

  const releaseDb = () => {
    db.current?.close?.();
    db.current = null;
  };
  useEffect(() => () => releaseDb(), []);

  useEffect(() => {
    if (isOpen) showModal();
    else if (dialog.current?.open) dialog.current.close();
  }, [isOpen]);

  // Each new step starts at its heading (read first by screen readers); the first one at the file picker.
  useEffect(() => {
    if (!isOpen) return;
    if (step.kind === 'choose') fileInput.current?.focus();
    else if (step.kind !== 'reading' && step.kind !== 'writing') heading.current?.focus();
  }, [isOpen, step.kind]);

  const showModal = () => {
    const d = dialog.current;
    if (!d || d.open) return;
    try {
      d.showModal();
    } catch {
      d.setAttribute('open', '');
    }
  };

  const open = () => {
    generation.current++;
    setStep({ kind: 'choose' });
    setChoices({});
    setIsOpen(true);
    showModal();
  };

  const close = () => {
    if (step.kind === 'writing') return; // the write is all-or-nothing; wait for it
    generation.current++;
    releaseDb();
    setIsOpen(false);
    setStep({ kind: 'choose' });
    setChoices({});
    opener.current?.focus();
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const gen = ++generation.current;
    const fileName = file.name;
    const tooLarge = checkImportFileSize(file.size);
    if (tooLarge) {
      setStep({ kind: 'invalid', fileName, errors: [tooLarge] });
      return;
    }
    setStep({ kind: 'reading', fileName });
    let text: string;
    try {
      text = await file.text();
    } catch {
      if (gen === generation.current) setStep({ kind: 'invalid', fileName, errors: [UNREADABLE] });
      return;
    }
    if (gen !== generation.current) return;
    const parsed = parseImport(text);
    if (!parsed.ok) {
      setStep({ kind: 'invalid', fileName, errors: parsed.errors });
      return;
    }
    if (parsed.data.shortlists.length === 0) {
      setStep({ kind: 'invalid', fileName, errors: [EMPTY_BACKUP] });
      return;
    }
    try {
      if (!db.current) {
        const opened = await openDb();
        if (gen !== generation.current) {
          opened.close?.(); // the dialog was closed meanwhile
          return;
        }
        db.current = opened;
      }
      const existing = await readExisting(db.current);
      if (gen !== generation.current) return;
      setChoices({});
      setStep({ kind: 'preview', fileName, data: parsed.data, plan: planImport(existing, parsed.data), existing });
    } catch (err) {
      if (gen !== generation.current) return;
      releaseDb();
      setStep({ kind: 'failed', message: toStorageError(err, 'open').message });
    }
  };

  const confirm = async () => {
    if (step.kind !== 'preview' || !db.current) return;
    const target = db.current;
    let records: ReturnType<typeof applyImportChoices>;
    try {
      records = applyImportChoices(step.plan, choices);
    } catch {
      return; // a choice is missing: Confirm is disabled until there is none
    }
    setStep({ ...step, kind: 'writing' });
    try {
      // Another window may have changed the shortlists since the preview: never write over that unseen.
      const now = await readExisting(target);
      if (!sameRecords(now, step.existing)) {
        setStep({ ...step, kind: 'preview', plan: planImport(now, step.data), existing: now, replanned: true });
        return;
      }
      // The check and the write are one transaction: a change made after the re-read above is caught too.
      await target.writeAll(records, { unchangedSince: step.existing });
    } catch (err) {
      if (err instanceof RecordsChangedError) {
        setStep({ ...step, kind: 'preview', plan: planImport(err.current, step.data), existing: err.current, replanned: true });
        return;
      }
      setStep({ kind: 'failed', message: toStorageError(err).message });
      return;
    }
    const summary = summarise(records, step.existing);
    setStep({ kind: 'done', summary });
    onImported?.(summary);
  };

  const restart = () => {
    generation.current++;
    setChoices({});
    setStep({ kind: 'choose' });
  };

  const titleId = `${id}-title`;
  const title =
    step.kind === 'invalid' ? "This file can't be imported"
    : step.kind === 'preview' || step.kind === 'writing' ? 'Check what will be imported'
    : step.kind === 'done' ? 'Import finished'
    : step.kind === 'failed' ? "The import couldn't be saved"
    : 'Import a backup';

  return (
    <>
      <button type="button" class="button button--secondary import-dialog__open" ref={opener} onClick={open}>
        {label}
      </button>
      <dialog
        ref={dialog}
        class="import-dialog"
        aria-labelledby={titleId}
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
        onClose={() => {
          if (!isOpen) return;
          // The browser may close a modal whose cancel was refused; while saving, keep it on screen for the result.
          if (step.kind === 'writing') showModal();
          else close();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        {isOpen && (
          <div class="import-dialog__body">
            <h2 class="import-dialog__title" id={titleId} ref={heading} tabIndex={-1}>
              {title}
            </h2>
            {step.kind === 'choose' && (
              <>
                <p>
                  Choose a Clinic Scout backup (the <strong>.json</strong> file from Export JSON). You'll see what it adds or changes
                  before anything is saved.
                </p>
                <label class="sl-label" for={`${id}-file`}>
                  Backup file (.json)
                </label>
                <input
                  ref={fileInput}
                  id={`${id}-file`}
                  class="import-dialog__file"
                  type="file"
                  accept=".json,application/json"
                  onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
                />
              </>
            )}
            {step.kind === 'reading' && (
              <p role="status">Reading {step.fileName}…</p>
            )}
            {step.kind === 'invalid' && (
              <>
                <p>
                  <strong>{step.fileName}</strong>: nothing was imported, and your shortlists are unchanged.
                </p>
                <ul class="import-dialog__errors sl-error" role="alert">
                  {step.errors.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              </>
            )}
            {(step.kind === 'preview' || step.kind === 'writing') && (
              <Preview step={step} choices={choices} setChoice={(key, c) => setChoices((prev) => ({ ...prev, [key]: c }))} idBase={id} />
            )}
            {step.kind === 'done' && (
              <p role="status" class="import-dialog__done">
                {summaryText(step.summary)}
              </p>
            )}
            {step.kind === 'failed' && (
              <div role="alert" class="sl-error">
                <p>{step.message}</p>
                <p>{NOTHING_CHANGED}</p>
              </div>
            )}
            <Actions step={step} choices={choices} onConfirm={() => void confirm()} onCancel={close} onRestart={restart} />
          </div>
        )}
      </dialog>
    </>
  );
}

function Actions({
  step,
  choices,
  onConfirm,
  onCancel,
  onRestart,
}: {
  step: Step;
  choices: Record<string, ImportChoice>;
  onConfirm: () => void;
  onCancel: () => void;
  onRestart: () => void;
}) {
  if (step.kind === 'done') {
    return (
      <div class="import-dialog__actions">
        <button type="button" class="button" onClick={onCancel}>
          Close
        </button>
      </div>
    );
  }
  const reviewing = step.kind === 'preview' || step.kind === 'writing';
  const missing = reviewing ? conflictsNeedingChoice(step.plan, choices).filter((k) => !Object.prototype.hasOwnProperty.call(choices, k)).length : 0;
  return (
    <>
      {reviewing && (
        <p class="sl-hint import-dialog__remaining" aria-live="polite">
          {step.kind === 'writing'
            ? 'Saving…'
            : missing > 0
              ? `Choose what to keep for ${plural(missing, 'more difference', 'more differences')} to continue.`
              : 'Nothing is saved until you confirm.'}
        </p>
      )}
      <div class="import-dialog__actions">
        {reviewing && (
          <button type="button" class="button" disabled={missing > 0 || step.kind === 'writing'} onClick={onConfirm}>
            Confirm import
          </button>
        )}
        {(step.kind === 'invalid' || step.kind === 'failed') && (
          <button type="button" class="button" onClick={onRestart}>
            Choose another file
          </button>
        )}
        <button type="button" class="button button--secondary" disabled={step.kind === 'writing'} onClick={onCancel}>
          {step.kind === 'failed' ? 'Close' : 'Cancel'}
        </button>
      </div>
    </>
  );
}

function Preview({
  step,
  choices,
  setChoice,
  idBase,
}: {
  step: Extract<Step, { kind: 'preview' | 'writing' }>;
  choices: Record<string, ImportChoice>;
  setChoice: (key: string, choice: ImportChoice) => void;
  idBase: string;
}) {
  const { plan, data, existing } = step;
  const theirLists = new Map(data.shortlists.map((s) => [s.id, s]));
  const myLists = new Map(existing.shortlists.map((s) => [s.id, s]));
  const listName = (theirListId: string) => {
    const target = plan.listTarget.get(theirListId);
    return (target !== undefined ? myLists.get(target) : undefined)?.name ?? theirLists.get(theirListId)?.name ?? 'a list';
  };
  const needed = new Set(conflictsNeedingChoice(plan, choices));
  const itemConflicts = plan.items.conflicts.filter((c) => needed.has(c.key));
  const copiedAway = plan.items.conflicts.length - itemConflicts.length;
  const conflicts = plan.lists.conflicts.length + itemConflicts.length;
  const exported = new Date(data.exportedAt);
  const disabled = step.kind === 'writing';

  return (
    <>
      <p>
        <strong>{step.fileName}</strong>
        {Number.isNaN(exported.getTime()) ? '' : `, exported ${when(exported.getTime())}`}. Nothing is saved until you confirm.
      </p>
      {step.replanned && (
        <p class="notice notice--warn" role="alert">
          Your shortlists changed in another window since this preview, so nothing was imported yet. Check the
          updated preview below, then confirm again.
        </p>
      )}
      <h3 class="import-dialog__subtitle">What will change</h3>
      <ul class="import-dialog__summary">
        {plan.lists.add.length > 0 && (
          <li>
            New {plan.lists.add.length === 1 ? 'list' : 'lists'}: {plan.lists.add.map((l) => `“${l.name}”${l.deletedAt !== null ? ' (in the trash)' : ''}`).join(', ')}
          </li>
        )}
        {plan.lists.mergeByName.map(({ theirs, mine }) => (
          <li key={theirs.id}>
            The list “{theirs.name}” in the file goes into your list “{mine.name}”.
          </li>
        ))}
        <li>
          {plan.items.add.length === 0 ? 'No new clinics.' : `${plural(plan.items.add.length, 'clinic', 'clinics')} to add:`}
          {plan.items.add.length > 0 && (
            <ul>
              {plan.items.add.slice(0, 50).map((i) => (
                <li key={i.id}>
                  {itemLabel(i)} <span class="sl-hint">— {listName(i.shortlistId)}</span>
                </li>
              ))}
              {plan.items.add.length > 50 && <li>…and {plan.items.add.length - 50} more</li>}
            </ul>
          )}
        </li>
        {plan.lists.unchanged.length + plan.items.unchanged.length > 0 && (
          <li>
            Already in your shortlists and unchanged:{' '}
            {[
              plan.lists.unchanged.length ? plural(plan.lists.unchanged.length, 'list', 'lists') : '',
              plan.items.unchanged.length ? plural(plan.items.unchanged.length, 'clinic', 'clinics') : '',
            ]
              .filter(Boolean)
              .join(' and ')}
            .
          </li>
        )}
        {conflicts > 0 && <li>{plural(conflicts, 'difference', 'differences')} for you to decide (below).</li>}
      </ul>

      {conflicts + copiedAway > 0 && (
        <>
          <h3 class="import-dialog__subtitle">Differences to decide</h3>
          <p class="sl-hint">These are both in your shortlists and in the file, but not the same. Choose what to keep for each.</p>
          {plan.lists.conflicts.map((c) => (
            <ConflictChoice key={c.key} conflictKey={c.key} choice={choices[c.key]} setChoice={setChoice} disabled={disabled} idBase={idBase}
              legend={`The list “${c.mine.name}”`}
              mine={<ListFacts list={c.mine} />}
              theirs={<ListFacts list={c.theirs} />}
            />
          ))}
          {itemConflicts.map((c) => (
            <ConflictChoice key={c.key} conflictKey={c.key} choice={choices[c.key]} setChoice={setChoice} disabled={disabled} idBase={idBase}
              legend={`${itemLabel(c.mine)} on “${listName(c.theirListId)}”`}
              why={c.reason === 'same-id' ? 'Changed both here and in the file.' : 'This clinic is on the list both here and in the file.'}
              mine={<ItemFacts item={c.mine} />}
              theirs={<ItemFacts item={c.theirs} />}
            />
          ))}
          {copiedAway > 0 && (
            <p class="sl-hint">
              {plural(copiedAway, 'other difference needs', 'other differences need')} no choice: {copiedAway === 1 ? 'it is' : 'they are'} on a list you
              chose to keep both of, so the file's version goes into the copy.
            </p>
          )}
        </>
      )}
    </>
  );
}

function ConflictChoice({
  conflictKey,
  choice,
  setChoice,
  disabled,
  idBase,
  legend,
  why,
  mine,
  theirs,
}: {
  conflictKey: string;
  choice: ImportChoice | undefined;
  setChoice: (key: string, choice: ImportChoice) => void;
  disabled: boolean;
  idBase: string;
  legend: string;
  why?: string;
  mine: ComponentChildren;
  theirs: ComponentChildren;
}) {
  const name = `${idBase}-${conflictKey}`;
  return (
    <fieldset class="import-conflict">
      <legend class="import-conflict__legend">{legend}</legend>
      {why && <p class="sl-hint">{why}</p>}
      <div class="import-conflict__sides">
        <div class="import-conflict__side">
          <h4>Yours</h4>
          {mine}
        </div>
        <div class="import-conflict__side">
          <h4>In the file</h4>
          {theirs}
        </div>
      </div>
      <div class="import-conflict__choices">
        {CHOICE_ORDER.map((c) => (
          <label key={c} class="import-conflict__choice">
            <input type="radio" name={name} value={c} checked={choice === c} disabled={disabled} onChange={() => setChoice(conflictKey, c)} />
            <span>
              {CHOICE_TEXT[c].label} <span class="import-conflict__hint">({CHOICE_TEXT[c].hint})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ListFacts({ list }: { list: Shortlist }) {
  return (
    <dl class="import-facts">
      <dt>Name</dt>
      <dd>{list.name}</dd>
      {list.deletedAt !== null && (
        <>
          <dt>In the trash</dt>
          <dd>since {when(list.deletedAt)}</dd>
        </>
      )}
      <dt>Last changed</dt>
      <dd>{when(list.updatedAt)}</dd>
    </dl>
  );
}

function ItemFacts({ item }: { item: ShortlistItem }) {
  const quote = quoteText(item);
  const answers = Object.values(item.answers).filter((a) => a.done || a.text).length;
  const notes = item.notes.length > 400 ? `${item.notes.slice(0, 400)}…` : item.notes;
  return (
    <dl class="import-facts">
      <dt>Status</dt>
      <dd>{ITEM_STATUS_LABEL[item.status]}</dd>
      <dt>Quote</dt>
      <dd>{quote ?? 'none'}{item.quote?.note ? ` (${item.quote.note})` : ''}</dd>
      <dt>Notes</dt>
      <dd class="import-facts__notes">{notes || 'none'}</dd>
      <dt>Checklist answers</dt>
      <dd>{answers}</dd>
      <dt>Last changed</dt>
      <dd>{when(item.updatedAt)}</dd>
    </dl>
  );
}
