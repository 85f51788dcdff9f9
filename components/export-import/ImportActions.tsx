import { missingChoices, plural, type ImportStep } from '@/lib/export/import-steps';
import type { ImportChoice } from '@/lib/export';

/** The import dialog's buttons for a step (Confirm only once every conflict has a choice). */
export function ImportActions({
  step,
  choices,
  onConfirm,
  onCancel,
  onRestart,
}: {
  step: ImportStep;
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
  const missing = reviewing ? missingChoices(step.plan, choices) : 0;
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
