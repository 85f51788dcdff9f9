/**
 * "Import backup (JSON)": a native modal <dialog> that reads a Clinic Scout JSON export and, only after the
 * user confirms, writes it in one all-or-nothing transaction through the shortlist store (the page's one
 * connection: state/shortlists/store.ts). The steps and the decisions between them are lib/export/import-steps.ts:
 *
 *   size check → file.text() → parseImport → errors listed, nothing written
 *                                          → planImport(store.readRecords(), incoming) → preview:
 *   added / merged / unchanged, each conflict side by side with a choice (keep mine / take theirs / keep both);
 *   Confirm is disabled until every conflict has a choice → applyImportChoices → store.importRecords.
 *   Cancel, Escape or closing at any step before Confirm writes nothing.
 */
import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { applyImportChoices, type ImportChoice } from '@/lib/export';
import {
  fileStep,
  parsedStep,
  previewStep,
  sameRecords,
  stepTitle,
  summarise,
  summaryText,
  NOTHING_CHANGED,
  UNREADABLE,
  type ImportStep,
  type ImportSummary,
} from '@/lib/export/import-steps';
import { RecordsChangedError, toStorageError } from '@/lib/shortlist';
import { ShortlistStoreContext } from '@/state/shortlists/context';
import type { ShortlistStore } from '@/state/shortlists/store';
import { ImportActions } from './ImportActions';
import { ImportPreview } from './ImportPreview';
import './export-import.css';
import './export-import-print.css';

export interface ImportDialogProps {
  /** The shortlist store to read and write (default: the one from <ShortlistsProvider>). */
  store?: Pick<ShortlistStore, 'readRecords' | 'importRecords'>;
  /** Called after a successful write (the store re-reads; other windows hear it through the change broadcast). */
  onImported?: (summary: ImportSummary) => void;
  /** Opener button text. */
  label?: string;
}

export function ImportDialog({ store: given, onImported, label = 'Import backup (JSON)' }: ImportDialogProps) {
  const provided = useContext(ShortlistStoreContext);
  const store = given ?? provided;
  if (!store) throw new Error('ImportDialog needs a store prop or a <ShortlistsProvider> above it');
  const id = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** Bumped on every close or restart, so a read that finishes late is ignored. */
  const generation = useRef(0);
  const [isOpen, setIsOpen] = useState(false);
  const [step, setStep] = useState<ImportStep>({ kind: 'choose' });
  const [choices, setChoices] = useState<Record<string, ImportChoice>>({});

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
    setIsOpen(false);
    setStep({ kind: 'choose' });
    setChoices({});
    opener.current?.focus();
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const gen = ++generation.current;
    const fileName = file.name;
    const first = fileStep(file);
    setStep(first);
    if (first.kind === 'invalid') return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      if (gen === generation.current) setStep({ kind: 'invalid', fileName, errors: [UNREADABLE] });
      return;
    }
    if (gen !== generation.current) return;
    const parsed = parsedStep(fileName, text);
    if (parsed.kind === 'invalid') {
      setStep(parsed);
      return;
    }
    try {
      const existing = await store.readRecords();
      if (gen !== generation.current) return;
      setChoices({});
      setStep(previewStep(fileName, parsed.data, existing));
    } catch (err) {
      if (gen !== generation.current) return;
      setStep({ kind: 'failed', message: toStorageError(err, 'open').message });
    }
  };

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    let records: ReturnType<typeof applyImportChoices>;
    try {
      records = applyImportChoices(step.plan, choices);
    } catch {
      return; // a choice is missing: Confirm is disabled until there is none
    }
    setStep({ ...step, kind: 'writing' });
    try {
      // Another window may have changed the shortlists since the preview: never write over that unseen.
      const now = await store.readRecords();
      if (!sameRecords(now, step.existing)) {
        setStep(previewStep(step.fileName, step.data, now, true));
        return;
      }
      // The check and the write are one transaction: a change made after the re-read above is caught too.
      await store.importRecords(records, { unchangedSince: step.existing });
    } catch (err) {
      if (err instanceof RecordsChangedError) {
        setStep(previewStep(step.fileName, step.data, err.current, true));
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
  const title = stepTitle(step);

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
              <ImportPreview step={step} choices={choices} setChoice={(key, c) => setChoices((prev) => ({ ...prev, [key]: c }))} idBase={id} />
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
            <ImportActions step={step} choices={choices} onConfirm={() => void confirm()} onCancel={close} onRestart={restart} />
          </div>
        )}
      </dialog>
    </>
  );
}
